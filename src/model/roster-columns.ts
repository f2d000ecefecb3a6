/**
 * Roster columns carried as they are from a row into the batch outputs (a phone number, an
 * employer): declared once here, with the header names a roster may use, how the cell is read and
 * which outputs show it. The roster reads them (roster/roster-rows.ts), the row carries them as one
 * record through the assessment unchanged, and the summary columns are derived from this list
 * (report/summary-columns.ts). The catalogues' `batch.columns` is typed by these keys, so tsc fails
 * until a column has its header words in both languages. Data only.
 */

/** The outputs of a batch that list applicants: summary.csv/xlsx, report.html, the terminal table. */
export type SummaryOutput = 'table' | 'html' | 'terminal';

export interface CarriedColumn {
  /** Header names a roster may use, the first the one to use; matched ignoring case, spaces, brackets and 必填. */
  headers: readonly [string, ...string[]];
  /** `text`: the cell on one line, any ID number in it masked. `month`: a date cell as YYYY-MM. */
  read: 'text' | 'month';
  /** The outputs that show it, after the eligibility route (summary.csv and summary.xlsx are `table`). */
  shownIn: readonly SummaryOutput[];
  /** Its width in summary.xlsx (characters), when not the default. */
  width?: number;
}

export const CARRIED_COLUMNS = {} as const satisfies Record<string, CarriedColumn>;

export type CarriedField = keyof typeof CARRIED_COLUMNS;
/** A row's carried cells as read (a blank cell is absent). */
export type CarriedValues = Partial<Record<CarriedField, string>>;

/** The declarations as a list, in order, typed for iteration. */
export const CARRIED_COLUMN_LIST = Object.entries(CARRIED_COLUMNS) as [CarriedField, CarriedColumn][];
