/** Roster header synonyms → fields, and one row → answers plus row-level findings. Pure. */
import {
  completeAnswers,
  missingAnswers,
  parseAnswer,
  ANSWER_FLAGS,
  type AnswerKey,
  type RawAnswers,
} from '../answers/resolve-answers.js';
import type { Answers } from '../model/answers.js';
import {
  CARRIED_COLUMN_LIST,
  type CarriedColumn,
  type CarriedField,
  type CarriedValues,
} from '../model/roster-columns.js';
import type { Finding } from '../model/finding.js';
import type { Province } from '../model/provinces.js';
import { maskIdCell, validateIdNumber } from '../text/id-number.js';
import { maskIds, maskIdsDeep, oneLine } from './safe-text.js';
import type { RosterTable } from './roster-table.js';

const READ_FIELDS = {
  name: ['姓名', '考生姓名', '名字', 'name', 'fullname'],
  level: ['报考级别', '级别', '报考等级', 'level'],
  education: ['学历', '最高学历', 'education'],
  major: ['专业', '所学专业', 'major'],
  graduated: ['毕业时间', '毕业年月', '学历取得时间', 'graduated', 'graduation'],
  studyMode: ['学习形式', '学习方式', 'studymode'],
  enrolled: ['入学时间', '入学年月', 'enrolled'],
  degrees: ['其他学历', '其它学历', '其他学历（学位）', 'degrees', 'degree', 'otherdegrees'],
  work: [
    '社会工作经历',
    '工作经历',
    '工作时段',
    '从事社会工作时间',
    '从事社会工作起止时间',
    '社会工作年限',
    '社工工作经历',
    '社会工作时间',
    '参加工作时间',
    'work',
  ],
  certificates: ['已有证书', '证书', 'certs', 'certificates', 'cert'],
  province: [
    '报考省份',
    '省份',
    '报考地区',
    '报考地',
    '报名地区',
    '所在地区',
    '所在地市',
    '地市',
    '所在省份',
    'province',
  ],
  hukou: ['户籍', '户籍省份', '户籍所在地', 'hukou'],
  idNumber: ['身份证号', '身份证号码', '证件号码', 'idnumber', 'id'],
  folder: ['材料目录', '材料文件夹', '文件夹', 'folder'],
} as const;

/** Header synonyms per field: the answers and identity read here, then the carried columns (model/roster-columns.ts). */
export const ROSTER_FIELDS: typeof READ_FIELDS & Record<CarriedField, readonly [string, ...string[]]> = {
  ...READ_FIELDS,
  ...(Object.fromEntries(CARRIED_COLUMN_LIST.map(([field, column]) => [field, column.headers])) as Record<
    CarriedField,
    readonly [string, ...string[]]
  >),
};
export type RosterField = keyof typeof ROSTER_FIELDS;

const normaliseHeader = (text: string) => text.toLowerCase().replace(/[\s_\-*（）()]|必填/g, '');

/** Column index per field; unknown columns are ignored. */
export function mapColumns(header: string[]): Partial<Record<RosterField, number>> {
  const map: Partial<Record<RosterField, number>> = {};
  // Synonyms normalised once, looked up per header cell: linear in the header's width.
  const fieldOf = new Map<string, RosterField>();
  for (const [field, names] of Object.entries(ROSTER_FIELDS) as [RosterField, readonly string[]][])
    for (const name of names) if (!fieldOf.has(normaliseHeader(name))) fieldOf.set(normaliseHeader(name), field);
  header.forEach((title, index) => {
    const field = fieldOf.get(normaliseHeader(title));
    if (field && map[field] === undefined) map[field] = index;
  });
  return map;
}

/** Month cells as offices type them: Excel serials, 2019-07-01, 2019/7/1, 2019.07, 2019年7月. */
export function normaliseMonthCell(cell: string): string {
  const text = cell.trim();
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    // Excel's day count from 1899-12-30 (its 1900 leap-year bug included).
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return full ? `${full[1]}-${full[2]!.padStart(2, '0')}` : text;
}

export interface RosterRow {
  line: number;
  /** The name as shown everywhere: one line, well-formed, any ID number in it masked. */
  name: string;
  /** The name cell as written, used only to find a folder named after it; never shown. */
  lookupName?: string;
  idMasked?: string;
  /** Last six characters of the ID number: a folder name offices use. The full number is never kept. */
  idTail?: string;
  folder?: string;
  /** Complete answers, when the row gives them all validly. */
  answers?: Answers;
  /** The level read, even when other answers are not (for the summary's level column). */
  level?: Answers['level'];
  /** The carried columns' cells (model/roster-columns.ts), passed to the outputs unchanged. */
  carried?: CarriedValues;
  findings: Finding[];
}

/** The carried columns' non-blank cells, read as each declares (`columns`: the declarations, CARRIED_COLUMNS). */
export function readCarried(
  cell: (field: RosterField) => string,
  columns: readonly [CarriedField, CarriedColumn][] = CARRIED_COLUMN_LIST,
): CarriedValues | undefined {
  const carried: Record<string, string> = {};
  for (const [field, column] of columns) {
    const text = cell(field);
    if (text) carried[field] = column.read === 'month' ? normaliseMonthCell(text) : maskIds(oneLine(text));
  }
  return Object.keys(carried).length ? (carried as CarriedValues) : undefined;
}

/**
 * `defaults`: batch-wide answers from the flags (`--province 广东`), used where the row's column is
 * missing or empty; a roster value wins. They were validated once, before the run.
 */
export function readRow(
  cells: string[],
  line: number,
  columns: Partial<Record<RosterField, number>>,
  provinces: readonly Province[],
  today: string,
  header: string[] = [],
  defaults: RawAnswers = {},
): RosterRow {
  const cell = (field: RosterField) => {
    const index = columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const findings: Finding[] = [];
  const raw: RawAnswers = {};
  const answers: Partial<Answers> = {};
  for (const key of Object.keys(ANSWER_FLAGS) as AnswerKey[]) {
    let value: string | string[] | undefined = cell(key);
    if (!value) {
      // The flag's value: parsed as given, no roster cell to quote.
      value = defaults[key];
      if (value === undefined) continue;
      (raw as Record<string, unknown>)[key] = value;
      const parsed = parseAnswer(key, value, provinces);
      if (parsed.ok) (answers as Record<string, unknown>)[key] = parsed.value;
      continue;
    }
    if (key === 'graduated' || key === 'enrolled') value = normaliseMonthCell(value);
    raw[key] = value;
    const field = header[columns[key] ?? -1] ?? key;
    const parsed = parseAnswer(key, value, provinces);
    if (parsed.ok) {
      (answers as Record<string, unknown>)[key] = parsed.value;
      // Read, but not as written (行政管理 → 其他专业, 广州 → 广东): say so, without blocking.
      if (parsed.note)
        findings.push({
          id: 'roster.read-as',
          severity: 'info',
          measured: { field: key, value },
          args: { line, field, value, note: parsed.note.key, ...parsed.note.args },
        });
    } else
      findings.push({
        id: 'roster.value',
        severity: 'error',
        measured: { field: key, value },
        args: { line, field, key, problem: parsed.problem.key, value },
      });
  }
  // An empty certificate cell is none; a roster without a certificate column leaves them unknown.
  // An empty work cell in a work column is no work; a roster without a work column, or a cell that
  // cannot be read, leaves the work unknown. The verdict asks for an unknown answer where it
  // decides (never a silent zero, never "ineligible" for a column the office did not keep).
  const unanswered: NonNullable<Answers['unanswered']> = {};
  if (raw.certificates === undefined) {
    answers.certificates ??= [];
    if (columns.certificates === undefined) unanswered.certificates = 'column';
  }
  if (!answers.work) {
    if (raw.work !== undefined) unanswered.work = 'cell';
    else if (columns.work === undefined) unanswered.work = 'column';
    answers.work = [];
  }
  // A blank or unreadable study mode: read as full-time, and the verdict asks where it decides.
  if (!answers.studyMode) {
    unanswered.studyMode = columns.studyMode === undefined ? 'column' : 'cell';
    answers.studyMode = 'full-time';
  }
  if (Object.keys(unanswered).length) answers.unanswered = unanswered;
  // No province anywhere blocks only the fee and the province window: said once, in the summary.
  const missing = missingAnswers(answers, ['province']).filter((key) => raw[key] === undefined);
  if (missing.length)
    findings.push({
      id: 'roster.missing',
      severity: 'error',
      measured: { fields: missing },
      args: {
        line,
        fields: missing.map((key) => ROSTER_FIELDS[key][0]).join('、'),
        // Fields whose column the roster lacks altogether: "缺少 X 列", not a blank cell.
        columns: missing
          .filter((key) => columns[key] === undefined)
          .map((key) => ROSTER_FIELDS[key][0])
          .join('、'),
      },
    });

  const rawName = cell('name');
  const row: RosterRow = { line, name: maskIds(oneLine(rawName)), findings };
  if (rawName && rawName !== row.name) row.lookupName = rawName;
  const id = cell('idNumber');
  if (id) {
    const verdict = validateIdNumber(id, today);
    row.idMasked = maskIdCell(verdict);
    if (verdict.ok) row.idTail = verdict.normalised.slice(-6);
    if (!verdict.ok)
      findings.push({
        id: 'roster.id-number',
        severity: 'error',
        measured: { reason: verdict.reason, id: row.idMasked },
        args: { line, reason: verdict.reason, id: row.idMasked },
      });
  }
  const folder = cell('folder');
  if (folder) row.folder = folder;
  const carried = readCarried(cell);
  if (carried) row.carried = carried;
  // Values echoed in findings (a bad 毕业时间, a folder cell) never carry a whole ID number.
  row.findings = maskIdsDeep(findings);
  // An unreadable cell blocks only what needs it: with every needed answer read, eligibility still
  // runs (a bad 户籍 or 报考省份 cell is reported, not a reason to skip the verdict). A bad ID number
  // is reported too, and eligibility still runs.
  const complete = completeAnswers(answers, ['province']);
  if (complete) row.answers = complete;
  if (answers.level) row.level = answers.level;
  return row;
}

/** How the roster was laid out: where its header was, what was not an applicant, what was not read. */
export interface RosterLayout {
  headerLine: number;
  /** Lines above the header that were not blank (title rows). */
  titleLines: number[];
  /** Rows that are notes, totals or signatures (合计：31人, 制表人：…), not applicants. */
  noteLines: number[];
  /** Header cells no field reads, with the nearest known header where one is close. */
  unrecognised: { header: string; nearest?: string }[];
}

export function readRows(
  table: RosterTable,
  provinces: readonly Province[],
  today: string,
  defaults: RawAnswers = {},
): { rows: RosterRow[]; columns: Partial<Record<RosterField, number>>; layout: RosterLayout } {
  const located = locateHeader(table);
  const columns = mapColumns(located.header);
  const noteLines: number[] = [];
  const applicants = located.rows.filter((row) => {
    const note = isNoteRow(row.cells, columns);
    if (note) noteLines.push(row.line);
    return !note;
  });
  const rows = applicants.map((row) =>
    readRow(row.cells, row.line, columns, provinces, today, located.header, defaults),
  );
  markDuplicates(rows, { ...located, rows: applicants }, columns);
  const damaged = new Set(table.damagedLines ?? []);
  for (const row of rows)
    if (damaged.has(row.line))
      row.findings.push({ id: 'roster.cell-damaged', severity: 'error', measured: {}, args: { line: row.line } });
  const unrecognised = located.header
    .filter((title, index) => title.trim() !== '' && !Object.values(columns).includes(index))
    .map((header) => {
      const nearest = nearestHeader(header);
      return nearest ? { header, nearest } : { header };
    });
  return {
    columns,
    rows,
    layout: { headerLine: located.headerLine, titleLines: located.titleLines, noteLines, unrecognised },
  };
}

/** Rows above the header an office may put there: a title, a date, a unit; blank ones are skipped already. */
const HEADER_SEARCH_ROWS = 10;

/** The header row: the first line, unless a row below it (within the first few) names more known columns. */
function locateHeader(table: RosterTable): RosterTable & { titleLines: number[] } {
  const known = (cells: string[]) => Object.keys(mapColumns(cells)).length;
  if (known(table.header) >= 2) return { ...table, titleLines: [] };
  const candidates = table.rows.slice(0, HEADER_SEARCH_ROWS);
  let best = -1;
  candidates.forEach((row, i) => {
    if (known(row.cells) >= 2 && (best < 0 || known(row.cells) > known(candidates[best]!.cells))) best = i;
  });
  if (best < 0) return { ...table, titleLines: [] };
  return {
    ...table,
    header: table.rows[best]!.cells,
    headerLine: table.rows[best]!.line,
    rows: table.rows.slice(best + 1),
    titleLines: [table.headerLine, ...table.rows.slice(0, best).map((row) => row.line)],
  };
}

/** How a note, total or signature row starts (data: the words offices put under a roster). */
export const NOTE_ROW_STARTS = [
  '合计',
  '总计',
  '小计',
  '共计',
  '累计',
  '制表',
  '填表',
  '审核',
  '审批',
  '负责人',
  '经办人',
  '联系人',
  '备注',
  '说明',
  '注：',
  '注:',
  '附注',
  '日期',
  '盖章',
  '单位盖章',
  '以上',
] as const;

/**
 * A row that is not an applicant: its first cell with text starts like a note or total (合计：31人,
 * 制表人：…), or it has text in one cell only and that text is a sentence (has a colon or is long).
 */
function isNoteRow(cells: string[], columns: Partial<Record<RosterField, number>>): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const first = filled[0] ?? '';
  if (NOTE_ROW_STARTS.some((start) => first.startsWith(start))) return true;
  const name = columns.name === undefined ? '' : (cells[columns.name] ?? '').trim();
  return filled.length === 1 && name !== first && (/[:：]/.test(first) || [...first].length > 12);
}

/** The known header closest to an unrecognised one (shared characters), or none when nothing is close. */
export function nearestHeader(header: string): string | undefined {
  const chars = (text: string) => new Set([...normaliseHeader(text)]);
  const mine = chars(header);
  if (mine.size === 0) return undefined;
  let best: { name: string; score: number } | undefined;
  for (const names of Object.values(ROSTER_FIELDS))
    for (const name of names) {
      const theirs = chars(name);
      const shared = [...mine].filter((c) => theirs.has(c)).length;
      // One shared character (性别, 报考级别) or half the characters (工作单位, 工作经历) is not close.
      const score = shared >= 2 ? (2 * shared) / (mine.size + theirs.size) : 0;
      // The field's first name is the one a roster should use: ties go to it.
      if (!best || score > best.score) best = { name: names[0], score };
    }
  return best && best.score > 0.5 ? best.name : undefined;
}

/**
 * Two rows with one ID number, or one name: a finding on each later row. The same
 * ID twice is an error (one person twice, or a typo); the same name is an error when both rows
 * would find their materials by that name (one folder for two people), else a warning.
 */
function markDuplicates(rows: RosterRow[], table: RosterTable, columns: Partial<Record<RosterField, number>>): void {
  const byId = new Map<string, number>();
  const byName = new Map<string, RosterRow>();
  // The folder each row's materials are looked up in first: its folder cell, else its name (a name
  // that is a path is never used as a folder).
  const byFolder = new Map<string, RosterRow>();
  const byNameOnly = (name: string) => (/[\\/]/.test(name) || /^\.+$/.test(name.trim()) ? '' : name);
  const folderKey = (row: RosterRow) =>
    (row.folder ?? byNameOnly(row.lookupName ?? row.name ?? ''))
      .trim()
      .replace(/^(\.[\\/])+/, '')
      .replace(/[\\/]+$/, '')
      .normalize('NFC');
  rows.forEach((row, i) => {
    const key = folderKey(row);
    const name = row.lookupName ?? row.name;
    if (key) {
      const first = byFolder.get(key);
      // Same name and folder is said below (name-folder); another name on one folder is said here.
      if (first && (first.lookupName ?? first.name) !== name)
        row.findings.push({
          id: 'roster.duplicate',
          severity: 'error',
          measured: { field: 'folder', first: first.line },
          args: { line: row.line, first: first.line, field: 'folder' },
        });
      else if (!first) byFolder.set(key, row);
    }
    const idIndex = columns.idNumber;
    const id = idIndex === undefined ? '' : (table.rows[i]?.cells[idIndex] ?? '').replace(/\s+/g, '').toUpperCase();
    if (id) {
      const first = byId.get(id);
      if (first !== undefined)
        row.findings.push({
          id: 'roster.duplicate',
          severity: 'error',
          measured: { field: 'id', first },
          args: { line: row.line, first, field: 'id' },
        });
      else byId.set(id, row.line);
    }
    if (name) {
      const first = byName.get(name);
      if (first) {
        const sameFolder = (first.folder ?? name) === (row.folder ?? name);
        row.findings.push({
          id: 'roster.duplicate',
          severity: sameFolder ? 'error' : 'warning',
          measured: { field: 'name', first: first.line },
          args: { line: row.line, first: first.line, field: sameFolder ? 'name-folder' : 'name' },
        });
      } else byName.set(name, row);
    }
  });
}
