/**
 * Words for the roster findings (one row of a counsellor's batch): the ids batch raises while
 * reading rows, folders and files. Both languages; ids in ROSTER_FINDING_IDS (src/i18n/finding-ids.ts).
 */
import type { Values } from '../model/finding.js';
import type { FindingWords } from './catalogue.js';
import type { RosterFindingId } from './finding-ids.js';

type A = Values;
type Words = Record<RosterFindingId, FindingWords>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const ID_REASON_ZH: Record<string, string> = {
  mangled: '被 Excel 存成了数字，? 处的数字已丢失，无法恢复',
  length: '位数不是 18 位',
  characters: '含有非法字符',
  'birth-date': '出生日期不存在',
  'check-digit': '校验位不对',
  empty: '为空',
};
const ID_REASON_EN: Record<string, string> = {
  mangled: 'was stored by Excel as a number; the digits shown as ? are lost and cannot be recovered',
  length: 'not 18 characters',
  characters: 'has invalid characters',
  'birth-date': 'has an impossible birth date',
  'check-digit': 'fails the check digit',
  empty: 'is empty',
};

// The forms each roster column accepts (the same parsers as the flags and the interview).
const FORMS_ZH: Record<string, string> = {
  level: '助理/初级/助理社工、中级/社工师/中级社工、高级',
  education: '高中、中专、大专/专科/高职、本科/大学本科/本科学历、硕士/硕士研究生/研究生、博士/博士研究生',
  major: '社会工作（社工、社会工作与管理）或任何其他专业名称（按“其他专业”计）',
  graduated: '2019-07、2019.07、2019/7/1、2019年7月',
  studyMode: '全日制/统招/普通全日制，或 非全日制/成人高考/自考/函授/网络教育/开放大学',
  work: '2019.07-2021.06、2019.07-至今、2020年3月起、2019/07-2021/06、2019年7月-至今、2019-07..2021-06；多段用 ；、或换行分隔；没有写 无',
  certificates: '助理:2019-12、中级社工:2021-06；多张用 ；分隔；没有写 无',
  province: '省份（广东、广东省）、地级市（广州、广州市）、区县（天河区、博罗县）或连写（广东省东莞市、广州市天河区）',
  hukou: '省份（广东、广东省）、地级市（广州、广州市）、区县（天河区、博罗县）或连写（广东省东莞市、广州市天河区）',
};
const FORMS_EN: Record<string, string> = {
  level: 'assistant (助理/初级/助理社工), intermediate (中级/社工师/中级社工), senior (高级)',
  education:
    'highschool, secondary, associate (大专/专科/高职), bachelor (本科/大学本科), master (硕士/硕士研究生), doctor (博士/博士研究生)',
  major: '社会工作 (社工, 社会工作与管理) or any other major name (counted as "other")',
  graduated: '2019-07, 2019.07, 2019/7/1, 2019年7月',
  studyMode: 'full-time (全日制/统招), part-time (成人高考/自考/函授/网络教育/开放大学)',
  work: '2019.07-2021.06, 2019.07-至今, 2020年3月起, 2019/07-2021/06, 2019年7月-至今, 2019-07..2021-06; several separated by ；、 or new lines; 无 for none',
  certificates: '助理:2019-12, 中级社工:2021-06; several separated by ；; 无 for none',
  province:
    'a province (广东, 广东省), a city (广州, 广州市), a district or county (天河区, 博罗县), or them together (广东省东莞市, 广州市天河区)',
  hukou:
    'a province (广东, 广东省), a city (广州, 广州市), a district or county (天河区, 博罗县), or them together (广东省东莞市, 广州市天河区)',
};
const READ_AS_ZH = (a: A) => (s(a.note) === 'note.major-other' ? '其他专业（非社会工作专业）' : s(a.province));
const READ_AS_EN = (a: A) => (s(a.note) === 'note.major-other' ? 'another major (not social work)' : s(a.province));
const FOLDER_REASON_ZH: Record<string, string> = {
  absolute: '是绝对路径',
  parent: '含有 ..',
  outside: '（经链接）指向 --materials 文件夹之外',
};
const FOLDER_REASON_EN: Record<string, string> = {
  absolute: 'is an absolute path',
  parent: 'contains ..',
  outside: 'leads (through a link) outside the --materials folder',
};
const FILE_REASON_ZH: Record<string, string> = {
  outside: '是指向材料文件夹之外的链接',
  'not-regular': '不是普通文件（管道、设备或文件夹）',
  broken: '是失效的链接',
};
const FILE_REASON_EN: Record<string, string> = {
  outside: 'is a link to outside the materials folder',
  'not-regular': 'is not a regular file (a pipe, device or folder)',
  broken: 'is a broken link',
};

export const rosterFindingsZh: Words = {
  'roster.missing': {
    message: (a) =>
      a.columns && a.columns === a.fields
        ? `第 ${s(a.line)} 行无法判断：花名册缺少 ${s(a.columns)} 列`
        : `第 ${s(a.line)} 行缺少：${s(a.fields)}${a.columns ? `（花名册缺少 ${s(a.columns)} 列）` : ''}`,
    fix: () => '在花名册中补全这些列（报考级别、学历、专业、毕业时间、学习形式、报考省份…）',
  },
  'roster.value': {
    message: (a) => `第 ${s(a.line)} 行“${s(a.field)}”无法识别：“${s(a.value)}”`,
    fix: (a) =>
      FORMS_ZH[s(a.key)]
        ? `可填：${FORMS_ZH[s(a.key)]}（本行其他列照常使用）`
        : '按与 shegong check 相同的写法填写（如 助理、本科、社会工作、2019-07、全日制、2019-07..2021-06）',
  },
  // How cells were read, and cells that could not be
  'roster.read-as': {
    message: (a) => `第 ${s(a.line)} 行“${s(a.field)}”填的是“${s(a.value)}”，按 ${READ_AS_ZH(a)} 计算`,
    fix: () => '如果不对，请在花名册中改正',
  },
  'roster.folder-outside': {
    message: (a) =>
      `第 ${s(a.line)} 行的材料目录“${s(a.folder)}”${FOLDER_REASON_ZH[s(a.reason)] ?? ''}，已拒绝，未读取其中文件`,
    fix: () => '材料目录列只写 --materials 文件夹下的子文件夹名（如 张三 或 一组/张三）',
  },
  'roster.file-refused': {
    message: (a) =>
      `${s(a.name) || `第 ${s(a.line)} 行`}的材料“${s(a.file)}”${FILE_REASON_ZH[s(a.reason)] ?? ''}，未读取`,
    fix: () => '把真正的文件复制到考生文件夹中（不要用链接）',
  },
  'roster.id-number': {
    message: (a) => `第 ${s(a.line)} 行身份证号 ${s(a.id)} ${ID_REASON_ZH[s(a.reason)] ?? s(a.reason)}`,
    fix: (a) =>
      s(a.reason) === 'mangled'
        ? "在 Excel 中选中身份证号整列 → 右键“设置单元格格式” → “文本”，再逐个重新输入（或粘贴时在号码前加英文单引号 '）；改格式不能找回已丢失的数字"
        : '核对身份证号；在 Excel 中把该列设为“文本”格式',
  },
  'roster.files-unplaced': {
    message: (a) =>
      [
        a.unplaced ? `第 ${s(a.line)} 行的材料文件夹里有认不出是什么材料的文件：${s(a.unplaced)}` : '',
        a.extra ? `同类材料有多个文件，只检查了第一个，未用：${s(a.extra)}` : '',
      ]
        .filter(Boolean)
        .join('；'),
    fix: () =>
      '按内容改名即可识别：照片/证件照、身份证正面/身份证反面、毕业证/学信网报告、工作证明、社保、居住证；不需要的文件可以移走',
  },
  'roster.internal': {
    message: (a) => `第 ${s(a.line)} 行检查时出错，已跳过（其他考生不受影响）`,
    fix: () => '加 --verbose 重新运行这一行，并反馈此问题',
  },
  // Rows that name one applicant twice, folders and files that cannot be used
  'roster.duplicate': {
    message: (a) =>
      `第 ${s(a.line)} 行与第 ${s(a.first)} 行${s(a.field) === 'id' ? '身份证号相同' : s(a.field) === 'name-folder' ? '姓名相同，且会用同一个材料文件夹' : s(a.field) === 'folder' ? '姓名不同，却用同一个材料文件夹（会拿同一个人的照片和材料检查两个人）' : '姓名相同'}`,
    fix: (a) =>
      s(a.field) === 'id'
        ? '核对是否重复录入或身份证号填错'
        : s(a.field) === 'name-folder' || s(a.field) === 'folder'
          ? '给两人各自的材料文件夹，并在“材料目录”列写明'
          : '确认这是两个不同的人',
  },
  'roster.cell-damaged': {
    message: (a) => `第 ${s(a.line)} 行有单元格指向表格里不存在的文字（文件已损坏），按空白读取`,
    fix: () => '在 Excel 或 WPS 中打开花名册，核对这一行，另存为新的 .xlsx 后再运行',
  },
  'roster.folder': {
    message: (a) => `找不到 ${s(a.name) || `第 ${s(a.line)} 行`} 的材料文件夹`,
    fix: () => '在材料目录下建以姓名（或花名册“材料目录”列、身份证后 6 位）命名的文件夹',
  },
};

export const rosterFindingsEn: Words = {
  'roster.missing': {
    message: (a) =>
      a.columns && a.columns === a.fields
        ? `Row ${s(a.line)} cannot be judged: the roster has no ${s(a.columns)} column`
        : `Row ${s(a.line)} is missing: ${s(a.fields)}${a.columns ? ` (the roster has no ${s(a.columns)} column)` : ''}`,
    fix: () => 'Fill in these columns in the roster (level, education, major, graduated, study mode, province …)',
  },
  'roster.value': {
    message: (a) => `Row ${s(a.line)}: cannot read "${s(a.field)}": "${s(a.value)}"`,
    fix: (a) =>
      FORMS_EN[s(a.key)]
        ? `Accepted: ${FORMS_EN[s(a.key)]} (the row's other columns are still used)`
        : 'Use the same forms as shegong check (助理/assistant, 本科/bachelor, 2019-07, 全日制/full-time, 2019-07..2021-06)',
  },
  // How cells were read, and cells that could not be
  'roster.read-as': {
    message: (a) => `Row ${s(a.line)}: "${s(a.field)}" says "${s(a.value)}", counted as ${READ_AS_EN(a)}`,
    fix: () => 'Correct the roster if this is wrong',
  },
  'roster.folder-outside': {
    message: (a) =>
      `Row ${s(a.line)}: the materials folder "${s(a.folder)}" ${FOLDER_REASON_EN[s(a.reason)] ?? ''}; refused, nothing in it was read`,
    fix: () => 'Write only a subfolder of the --materials folder in the folder column (e.g. 张三 or group1/张三)',
  },
  'roster.file-refused': {
    message: (a) => `${s(a.name) || `Row ${s(a.line)}`}: "${s(a.file)}" ${FILE_REASON_EN[s(a.reason)] ?? ''}; not read`,
    fix: () => "Copy the real file into the applicant's folder (no links)",
  },
  'roster.id-number': {
    message: (a) => `Row ${s(a.line)}: ID number ${s(a.id)} ${ID_REASON_EN[s(a.reason)] ?? s(a.reason)}`,
    fix: (a) =>
      s(a.reason) === 'mangled'
        ? "In Excel select the whole ID column → Format Cells → Text, then type each number again (or start it with an apostrophe '); changing the format cannot bring lost digits back"
        : 'Check the ID number; format the column as Text in Excel',
  },
  'roster.files-unplaced': {
    message: (a) =>
      [
        a.unplaced ? `Row ${s(a.line)}: files in the materials folder that could not be placed: ${s(a.unplaced)}` : '',
        a.extra ? `several files of one kind, only the first was checked; not used: ${s(a.extra)}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    fix: () =>
      'Name files by what they are: 照片/证件照 (photo), 身份证正面/身份证反面 (ID card), 毕业证/学信网报告 (diploma), 工作证明, 社保, 居住证; move away files not needed',
  },
  'roster.internal': {
    message: (a) => `Row ${s(a.line)} failed to check and was skipped (the others are unaffected)`,
    fix: () => 'Run it again with --verbose and report the problem',
  },
  // Rows that name one applicant twice, folders and files that cannot be used
  'roster.duplicate': {
    message: (a) =>
      s(a.field) === 'folder'
        ? `Row ${s(a.line)} has another name than row ${s(a.first)} but the same materials folder (one person's photo and scans would be checked for both)`
        : `Row ${s(a.line)} has the same ${s(a.field) === 'id' ? 'ID number' : 'name'} as row ${s(a.first)}${s(a.field) === 'name-folder' ? ', and would use the same materials folder' : ''}`,
    fix: (a) =>
      s(a.field) === 'id'
        ? 'Check whether the row was entered twice or the ID number is wrong'
        : s(a.field) === 'name-folder' || s(a.field) === 'folder'
          ? 'Give each person their own materials folder and name it in the folder column'
          : 'Make sure these are two different people',
  },
  'roster.cell-damaged': {
    message: (a) =>
      `Row ${s(a.line)} has a cell pointing to text the spreadsheet does not hold (the file is damaged); read as empty`,
    fix: () => 'Open the roster in Excel or WPS, check this row, save it as a new .xlsx and run again',
  },
  'roster.folder': {
    message: (a) => `No materials folder for ${s(a.name) || `row ${s(a.line)}`}`,
    fix: () =>
      "Make a folder named after the applicant (or the roster's folder column, or the last 6 digits of the ID) in the materials folder",
  },
};
