export interface Province {
  id: string;
  zh: string;
  en: string;
  aliases: string[];
  /** false for places where one cannot register (香港/澳门/台湾: valid only as 户籍). */
  registers: boolean;
  /** Cities and prefectures in it, as rosters write them (templates/cities.json). */
  cities?: string[];
  /** County-level names (天河区, 博罗县) that belong to this province only (templates/cities.json). */
  districts?: string[];
}
