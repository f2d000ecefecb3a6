/**
 * The education levels in Chinese, as diplomas and the platform name them: the Chinese catalogue's
 * labels, and the findings that set a report's level beside the answered one.
 */
export const EDUCATION_ZH: Record<string, string> = {
  highschool: '高中',
  secondary: '中专',
  associate: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};
