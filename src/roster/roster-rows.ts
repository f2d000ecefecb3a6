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
import type { Finding } from '../model/finding.js';
import type { Province } from '../model/provinces.js';
import { maskIdNumber, validateIdNumber } from '../text/id-number.js';
import { maskIds, maskIdsDeep, oneLine } from './safe-text.js';
import type { RosterTable } from './roster-table.js';

export const ROSTER_FIELDS = {
  name: ['姓名', '考生姓名', '名字', 'name', 'fullname'],
  level: ['报考级别', '级别', '报考等级', 'level'],
  education: ['学历', '最高学历', 'education'],
  major: ['专业', '所学专业', 'major'],
  graduated: ['毕业时间', '毕业年月', '学历取得时间', 'graduated', 'graduation'],
  studyMode: ['学习形式', '学习方式', 'studymode'],
  enrolled: ['入学时间', '入学年月', 'enrolled'],
  degrees: ['其他学历', '其它学历', '其他学历（学位）', 'degrees', 'degree', 'otherdegrees'],
  work: ['社会工作经历', '工作经历', '工作时段', 'work'],
  certificates: ['已有证书', '证书', 'certs', 'certificates', 'cert'],
  province: ['报考省份', '省份', '报考地区', 'province'],
  hukou: ['户籍', '户籍省份', '户籍所在地', 'hukou'],
  idNumber: ['身份证号', '身份证号码', '证件号码', 'idnumber', 'id'],
  folder: ['材料目录', '材料文件夹', '文件夹', 'folder'],
} as const;
export type RosterField = keyof typeof ROSTER_FIELDS;

const normaliseHeader = (text: string) => text.toLowerCase().replace(/[\s_\-*（）()]|必填/g, '');

/** Column index per field; unknown columns are ignored. */
export function mapColumns(header: string[]): Partial<Record<RosterField, number>> {
  const map: Partial<Record<RosterField, number>> = {};
  // Synonyms normalised once, looked up per header cell: linear in the header's width (issue 15, F8).
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
  /** The name as shown everywhere: one line, well-formed, any ID number in it masked (issue 15). */
  name: string;
  /** The name cell as written, used only to find a folder named after it; never shown. */
  lookupName?: string;
  idMasked?: string;
  /** Last six characters of the ID number: a folder name offices use. The full number is never kept. */
  idTail?: string;
  folder?: string;
  /** Complete answers, when the row gives them all validly. */
  answers?: Answers;
  /** The level read, even when other answers are not (for the summary's level column; issue 10). */
  level?: Answers['level'];
  findings: Finding[];
}

/**
 * `defaults`: batch-wide answers from the flags (`--province 广东`), used where the row's column is
 * missing or empty; a roster value wins. They were validated once, before the run (issue 10).
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
  // Certificates may be left empty: none. An empty work cell in a work column is no work; a roster
  // without a work column, or a cell that cannot be read, leaves the work unknown: the verdict then
  // asks for it where it decides (never a silent zero).
  if (raw.certificates === undefined) answers.certificates ??= [];
  const unanswered: NonNullable<Answers['unanswered']> = {};
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
    row.idMasked = maskIdNumber(verdict.normalised);
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
  // Values echoed in findings (a bad 毕业时间, a folder cell) never carry a whole ID number (F7).
  row.findings = maskIdsDeep(findings);
  // An unreadable cell blocks only what needs it: with every needed answer read, eligibility still
  // runs (a bad 户籍 or 报考省份 cell is reported, not a reason to skip the verdict). A bad ID number
  // is reported too, and eligibility still runs.
  const complete = completeAnswers(answers, ['province']);
  if (complete) row.answers = complete;
  if (answers.level) row.level = answers.level;
  return row;
}

export function readRows(
  table: RosterTable,
  provinces: readonly Province[],
  today: string,
  defaults: RawAnswers = {},
): { rows: RosterRow[]; columns: Partial<Record<RosterField, number>> } {
  const columns = mapColumns(table.header);
  const rows = table.rows.map((row) => readRow(row.cells, row.line, columns, provinces, today, table.header, defaults));
  markDuplicates(rows, table, columns);
  return { columns, rows };
}

/**
 * Two rows with one ID number, or one name (issue 15, F27): a finding on each later row. The same
 * ID twice is an error (one person twice, or a typo); the same name is an error when both rows
 * would find their materials by that name (one folder for two people), else a warning.
 */
function markDuplicates(rows: RosterRow[], table: RosterTable, columns: Partial<Record<RosterField, number>>): void {
  const byId = new Map<string, number>();
  const byName = new Map<string, RosterRow>();
  rows.forEach((row, i) => {
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
    const name = row.lookupName ?? row.name;
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
