/** 中文文案：所有面向用户的句子都在这里（英文版在 en.ts，键完全一致；形状见 catalogue.ts）。 */
import type { ChecklistWordingId } from '../checklist/items.js';
import { eventSourceZh, ruleProblemsZh } from './core-words.js';
import { pageWordsZh } from './page-words.js';
import { dataWordsZh, packErrorsZh, packProblemsZh } from './data-words.js';
import type { Values } from '../model/finding.js';
import type { RegistrationClosed } from '../model/report.js';
import type { Route } from '../model/rules.js';
import type { ChecklistWords, FindingWords, Messages, NameContext } from './catalogue.js';
import { EDUCATION_ZH } from './education-names.js';
import { fileFindingsZh, KIND_NAMES } from './file-findings.js';
import type { FindingId } from './finding-ids.js';
import { rosterFindingsZh } from './roster-findings.js';

export type { Messages, NameContext } from './catalogue.js';

type A = Values;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
// Why an output folder cannot be used (error codes → words).
const OUTPUT_REASON_ZH: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '所在磁盘是只读的',
  ENOTDIR: '路径中有一部分是文件而不是文件夹',
  EEXIST: '已有同名文件',
  'not-a-folder': '这是一个文件，不是文件夹',
  ENOENT: '路径中的文件夹不存在且无法创建',
  ENOSPC: '磁盘已满',
  ENAMETOOLONG: '路径太长',
  ELOOP: '链接循环',
  special: '这是系统的特殊目录（如 /proc、/sys、/dev），不能写入',
  // The writing module's refusals
  'not-regular': '这不是普通文件（可能是设备、管道或套接字），不会写入',
  EISDIR: '这是一个文件夹',
  EINVAL: '文件名含有不允许的字符',
  dangling: '这是一个指向不存在位置的链接',
  exists: '已有同名文件',
  input: '这是本次读取的原文件',
  EIO: '读写出错',
  locked: '另一个 shegong 正在写入这个文件夹',
};
// Why a roster was refused, in words (bounds checked before parsing; no library English)
const ROSTER_REASON_ZH: Record<string, (a: A) => string> = {
  'record-too-big': (a) =>
    `这一行太长（超过 ${s(a.limit)} KB），不像花名册；请检查文件是否损坏，或另存为 .xlsx/CSV 后再试`,
  'too-many-columns': (a) => `列数太多（超过 ${s(a.limit)} 列）；请只保留花名册需要的列`,
  'too-many-rows': (a) => `行数太多（超过 ${s(a.limit)} 行）；请把花名册分成几个文件分别运行`,
  'xlsx-too-big': () => '表格解压后太大（可能是压缩炸弹或损坏的文件）；请在 Excel 或 WPS 中另存后再试',
  'file-too-big': (a) => `文件太大（超过 ${s(a.limit)} MB），不像花名册`,
  quote: () => '引号不配对；请在 Excel 或 WPS 中打开后另存为 CSV 再试',
  csv: () => '无法按 CSV 读取；请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 再试',
  'no-header-row': () => '没有表头行',
};
const n = (v: unknown) => Number(v ?? 0);

/** 26 → “2 年 2 个月”. */
export function months(total: number): string {
  const years = Math.floor(Math.abs(total) / 12);
  const rest = Math.abs(total) % 12;
  if (years === 0) return `${rest} 个月`;
  return rest === 0 ? `${years} 年` : `${years} 年 ${rest} 个月`;
}

/** 2026-03-09 → 2026年3月9日 */
export function day(iso: unknown): string {
  const [y, m, d] = s(iso).split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : s(iso);
}
const shortDay = (iso: unknown) => {
  const [, m, d] = s(iso).split('-').map(Number);
  return m && d ? `${m}月${d}日` : s(iso);
};
/** A list argument (checklist args may carry string arrays). */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const span = (a: A) =>
  a.start ? (a.end && a.end !== a.start ? `${day(a.start)}–${shortDay(a.end)}` : day(a.start)) : '';
const est = (a: A) => (a.estimated ? '（预估）' : '');

const labels = {
  level: {
    assistant: '助理社会工作师（初级）',
    intermediate: '社会工作师（中级）',
    senior: '高级社会工作师',
  } as Record<string, string>,
  education: EDUCATION_ZH,
  major: { 'social-work': '社会工作专业', other: '其他专业' } as Record<string, string>,
  studyMode: {
    'full-time': '全日制',
    'part-time': '非全日制（函授/自考/成人/网络）',
    unknown: '学习形式未填写',
  } as Record<string, string>,
  certificate: { assistant: '助理社会工作师证书', intermediate: '社会工作师（中级）证书' } as Record<string, string>,
  group: { eligibility: '资格', materials: '材料', registration: '报名', exam: '考试', after: '考后' } as Record<
    string,
    string
  >,
  eligibility: { eligible: '符合报考条件', ineligible: '暂不符合报考条件', unknown: '需补充信息' } as Record<
    string,
    string
  >,
  confidence: { official: '官方', secondary: '二手', folklore: '传言' } as Record<string, string>,
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  event: {
    photo: '照片处理（官方照片审核处理工具）',
    registration: '网上报名',
    payment: '缴费',
    'admission-ticket': '打印准考证',
    exam: '考试',
    scores: '成绩公布',
    'post-exam-review': '考后资格复核',
    certificate: '纸质证书发放',
    'e-certificate': '电子证书下载与加注',
    'certificate-registration': '证书首次登记截止',
    'continuing-education': '继续教育周期',
    'senior-review': '高级评审申报截止',
    'work-years-cutoff': '工作年限计算截止',
  } as Record<string, string>,
  role: {
    photo: '报名照片',
    'id-front': '身份证正面',
    'id-back': '身份证反面',
    diploma: '学历证书/学信网报告',
    'work-proof': '工作年限证明',
    'social-security': '社保缴费证明',
    'residence-permit': '居住证',
    unknown: '未知材料',
  } as Record<string, string>,
  fileStatus: { pass: '通过', warn: '有提醒', fail: '未通过' } as Record<string, string>,
  educationCase: {
    none: '国内取得，姓名和身份证号没有变过',
    abroad: '境外（含港澳台）取得的学历',
    renamed: '取得学历后改过姓名或身份证号',
    both: '境外学历，且改过姓名或身份证号',
  } as Record<string, string>,
};

export const zhCN: Messages = {
  lang: 'zh-CN',
  months,
  day,
  labels,
  ui: {
    title: (year: number) => `社会工作者职业资格考试 · ${year} 年度报名准备清单`,
    candidate: '考生',
    eligibilityHeading: '报考资格',
    route: '适用条件',
    counted: '已计工作年限',
    qualification: '依据学历',
    countFrom: (month: string) => `从 ${month} 起计`,
    countedLine: (counted: string, required: string, cutoff: string) =>
      `${counted}（要求 ${required}，计至 ${cutoff}）`,
    colon: '：',
    // A parenthetical in this language's punctuation
    inParens: (text: string) => `（${text}）`,
    enumerate: (items: readonly string[]) => items.join('、'),
    listSeparator: '；',
    earliest: '最早可报考年份',
    summaryReady: '已准备就绪：没有阻止报名的问题。',
    summaryNotReady: (blocked: number, todo: number) => `尚未就绪：${blocked} 项受阻，${todo} 项待办。`,
    provinceNone: '未填写或无法识别',
    summaryNeedsInfo: (todo: number) => `尚未就绪：需补充信息才能判断报考资格（见下），另有 ${todo} 项待办。`,
    remaining: (count: number, list: string) => `还差 ${count} 项：${list}`,
    nothingLeft: '所有事项均已完成。',
    due: (iso: string, estimated: boolean) => `截止 ${day(iso)}${estimated ? '（预估）' : ''}`,
    estimatedMark: '（预估）',
    verboseHint: '加 --verbose 查看计算明细与数据来源。',
    measured: '实测',
    expected: '要求',
    fix: '建议',
    source: '来源',
    folklore: '网传说法（与官方不符，未采用）',
    rulesTitle: '当前规则（每条都有来源与可信度）',
    overridden: (file: string) => `已被 ${file} 覆盖`,
    nextAction: '下一步',
    daysLeft: (d: number) => (d === 0 ? '今天' : d > 0 ? `还有 ${d} 天` : `已过 ${-d} 天`),
    openNow: (d: number) => (d === 0 ? '进行中，今天截止' : `进行中，${d} 天后截止`),
    passed: '已过',
    profileEmpty: '尚未保存任何回答。',
    profileReset: '已清除保存的回答。',
    // Config faults never cost answers
    profileCorrupt: (file: string) =>
      `保存回答的文件已损坏，本次不读取也不覆盖它：${file}。运行 shegong profile reset 可修复`,
    profileUnreadable: (file: string, reason: string) =>
      `无法打开保存回答的文件 ${file}（${reason}），本次回答不会保存`,
    profileNotSaved: (file: string, reason: string) => `回答没有保存（${reason}）：${file}。下面的清单不受影响`,
    demoIntro: '示例考生（内置数据，无需输入）：',
    demoFilesSkipped: (files: string) => `未能加载图像处理组件 sharp，已跳过示例材料的检查：${files}`,
    datesTitle: (year: number, today: string) => `${year} 年度关键日期（今天 ${day(today)}）`,
    runningCycle: (year: number) => `${year} 年度（报名已结束，已报名的考生看这里）`,
    missed: (closed: string, estimated: boolean) => `已错过（${day(closed)}${estimated ? '，预估' : ''}截止）：`,
    registrationClosed: (c: RegistrationClosed, province: string) =>
      `${c.year} 年度报名已于 ${day(c.closed)}${c.estimated ? '（预估）' : ''}截止${
        c.basis === 'province'
          ? `（${province}本省时间）`
          : c.provinceMayBeOpen
            ? `——这是按最早关闭的省份推算的；${province || '本省'}的报名时间未公布，可能仍在报名期内：立即查看本省通知，仍在报名期内就马上报名`
            : '（全国报名也已结束）'
      }${c.judged ? '' : `；以下按 ${c.next.year} 年度准备`}。`,
    nextCycle: ({ next: n, provinceMayBeOpen }: RegistrationClosed, province: string) =>
      `${provinceMayBeOpen ? `先查看${province || '本省'}的通知，仍在报名期内就马上报名；已截止则` : ''}准备 ${n.year} 年度：报名约 ${day(n.start)}${n.estimated ? '（预估）' : ''}开始，届时以本省通知为准`,
    deadlineUpcoming: (title: string, date: string, days: number) =>
      `${title}将于 ${shortDay(date)} 开始，还有 ${days} 天`,
    deadlineOpen: (title: string, date: string, days: number) =>
      days === 0 ? `${title}今天截止（${shortDay(date)}）` : `${title}进行中，${shortDay(date)} 截止，还剩 ${days} 天`,
    icsWritten: (file: string, count: number) => `已导出 ${count} 个日历事件：${file}（重复导入会更新而不是重复）`,
    calendarName: '社会工作者职业资格考试',
    filesHeading: '文件检查结果',
    filesSummary: (pass: number, warn: number, fail: number) =>
      `材料：${pass} 个通过，${warn} 个有提醒，${fail} 个未通过`,
    fixed: (file: string, width: number, height: number, kb: number, quality: number, dpi: number) =>
      `已写入 ${file}（${width}×${height} 像素，${kb} KB，JPEG 质量 ${quality}，${dpi} dpi；原文件未改动）`,
    fixedNotInWindow: '注意：无法把文件大小调到目标范围内，见下方检查结果',
    recheck: '新文件的检查结果：',
    cannotFix: {
      heic: 'HEIC（苹果手机格式）无法在本机转换：iPhone 设置 → 相机 → 格式 → “兼容性最佳”后重拍，或在相册“共享 → 存储到文件”时选 JPEG',
      pdf: 'PDF 文件原样保留，本工具不修改 PDF',
      undecodable: '文件无法解码，只能重新导出或重新拍摄',
      'too-many-pixels': '图片像素过多，为安全起见不处理',
      missing: '文件不存在、为空或无法读取',
      'needs-new': '机器无法修复（如分辨率不足、没有公章、背景不是白色）：需要重新拍摄或扫描',
      'would-overwrite': '修复副本会覆盖原文件（材料目录在输出目录里面），已跳过',
      'still-fails': '修复后的副本仍未通过检查：需要重新拍摄或扫描',
      'cannot-shrink': '在不低于最低分辨率的前提下无法把文件压到上限以内：请裁掉多余边缘后重试',
      'no-face': '照片里找不到人脸（可能没有人、脸太暗或被遮挡）：请用一张正面、光线充足的本人照片',
      'faces-left': '照片左侧还有别人的脸，分不清是谁的照片：请用单人照，或先把旁边的人裁掉再试',
      'faces-right': '照片右侧还有别人的脸，分不清是谁的照片：请用单人照，或先把旁边的人裁掉再试',
      'faces-behind': '照片里你身后还有别人的脸：请在纯色墙前、身后没有人的地方重拍',
      'pose-yaw': '脸没有正对镜头（转头）：请正对镜头重拍，机器无法把侧脸变成正脸',
      'pose-pitch': '低头或仰头过多：请平视镜头、镜头与眼睛同高后重拍',
      'eyes-covered': '眼睛被遮住（墨镜、刘海或反光）：请摘下墨镜、露出双眼后重拍',
      'eyes-closed': '照片里眼睛是闭着的：请睁眼平视镜头重拍',
      tilt: '头歪得太厉害，摆正会裁掉太多：请把头摆正后重拍',
      'frame-top': '头顶离照片上边太近，裁不出标准头像：请离镜头远一点、头顶上方留出空间重拍',
      'frame-sides': '照片两边太窄，放不下肩膀：请离镜头远一点重拍，拍到双肩',
      'frame-bottom': '照片下边在肩膀以上就截断了：请拍到肩膀以下（半身）重拍',
      'light-dark': '照片太暗，调亮会失真：请在白天窗边或灯光充足处重拍',
      'light-bright': '照片过曝（脸太亮），调暗会失真：请避开强光直射重拍',
      'light-cast': '照片偏色严重（如暖黄灯光），校正会失真：请在自然光下重拍',
      'norm-background': '换成白底后背景仍不干净（残留阴影或杂物）：请在白墙或浅色纯色墙前重拍',
      'norm-edge': '换白底后人像边缘留有色边：请在白墙或浅色纯色墙前重拍',
      'norm-head': '裁剪后头部大小或位置达不到标准：请正对镜头、拍到肩膀、头顶留出空间重拍',
      'norm-centre': '裁剪后人像不能居中：请站在画面正中重拍',
      grey: '照片是黑白的，机器不能凭空加上颜色：请用近期彩色照片',
      'fix-failed': '处理这张照片时出错（原文件未改动）：请换一张照片再试，或把问题告诉我们',
      'too-small':
        '照片像素不够，放大只会模糊（官方要求不得放大）：请用手机原图（不要用微信压缩过的图），或离镜头近一点重拍',
    } as Record<string, string>,
    fixChanges: (changes: string) => `本次处理：${changes}`,
    changeWords: {
      turn: '把横放或倒置的照片转正',
      straighten: '摆正头部',
      crop: '按标准裁剪',
      light: '轻微校正光线',
      background: '换成白色背景',
      resize: '缩放到标准像素尺寸',
      encode: '压缩为 JPEG',
    },
    fixLookAt: '背景是机器换的：请打开预览图看一下头发和肩膀边缘是否自然，不满意就重拍',
    commandsOnPage: [
      ['用 shegong fix 自动', '本页会自动'],
      ['用 shegong fix ', '本页会自动'],
      ['shegong fix ', '本页'],
      ['（batch 加 --fix 也会生成）', ''],
      ['运行 shegong profile edit，', '点已回答问题旁的“修改”，'],
      ['运行 shegong profile edit ', '点已回答问题旁的“修改”'],
    ],
    fixPreview: (file: string) => `对比预览图（原图｜处理后｜换掉的背景）：${file}`,
    fixConfirm: (role: string, file: string) => `为 ${role}（${file}）生成合规副本吗？原文件不会改动`,
    fixesWritten: (count: number) => `已生成 ${count} 个修复副本（文件名带 .fixed），原文件均未改动`,
    // The summary line, the dates table, calendar titles and saved answers
    summaryReadyTodo: (todo: number) => `没有阻止报名的问题；还有 ${todo} 项待办，按下面的清单逐项完成。`,
    datesColumns: ['事项', '时间', '要做的事', '说明'],
    icsSpanStart: (title: string) => `${title}：开始`,
    icsSpanEnd: (title: string) => `${title}：最后一天`,
    fixRenamed: (file: string, name: string) => `${file} 已存在，新文件另存为 ${name}（加 --force 可覆盖）`,
    useSaved: (summary: string) => `使用上次保存的回答吗？（${summary}）`,
    folderMissing: (dir: string) => `找不到文件夹 ${dir}，请重新输入（可留空跳过）`,
    folderIsFile: (dir: string) => `${dir} 是一个文件，不是文件夹，请输入它所在的文件夹（可留空跳过）`,
    folderUnreadable: (dir: string) => `无法打开文件夹 ${dir}（没有权限），请换一个（可留空跳过）`,
    folderEmpty: (dir: string, subfolder?: string) =>
      subfolder
        ? `文件夹 ${dir} 里没有文件，只有子文件夹（不会查看）：是 ${subfolder} 吗？请输入直接放着材料文件的文件夹（可留空跳过）`
        : `文件夹 ${dir} 是空的，请输入放着照片、身份证、学历等文件的文件夹（可留空跳过）`,
    profileColumns: ['问题', '回答'],
    profileEdited: '已更新保存的回答。',
    madeOn: (date: string) => `生成于 ${day(date)}`,
    answersHeading: '本清单依据的回答',
    provinceLabel: '报考省份',
    // Advice after the interview names no flag the user never typed.
    interviewFix: {
      'eligibility.certificate': (a: A) =>
        `取得${labels.certificate[s(a.certificate)]}后再报考；如已取得，运行 shegong profile edit 补填取得年月`,
      'eligibility.years': (a: A) =>
        `${a.countFrom ? `从 ${s(a.countFrom)} 起的社会工作经历才计入；` : ''}继续从事社会工作，或运行 shegong profile edit 核对所填的工作时段`,
      'eligibility.enrolment-unknown': () =>
        '如果这段工作在开始全日制学习（入学）之前，它可以计入：运行 shegong profile edit，在问到入学年月时填写',
    } as Record<string, (a: A) => string>,
    answerLabels: {
      level: '报考级别',
      education: '学历',
      major: '专业',
      graduated: '取得学历',
      studyMode: '学习形式',
      enrolled: '入学年月',
      degrees: '其他学历',
      work: '社会工作经历',
      certificates: '已有证书',
      province: '报考省份',
      hukou: '户籍省份',
    } as Record<string, string>,
    answerNone: '无',
    answerOngoing: '至今',
    promptWords: { yes: '是', no: '否', navigate: '选择', select: '确认', default: '默认' },
    estimatedLegend: '（预估）= 尚无官方通知，按往年规律推算；以本省正式通知为准',
    datesHeading: '关键日期',
  },
  eligibilityRoute: (route: Route) => routeZh(route),
  finding: {
    ...fileFindingsZh,
    ...rosterFindingsZh,
    'eligibility.education': {
      message: (a: A) => `${labels.level[s(a.level)]} 不接受 ${labels.education[s(a.education)]} 学历报考`,
      fix: (a: A) => `请确认所填学历；${labels.level[s(a.level)]}接受的学历：${educationList(a.allowed)}`,
    },
    'eligibility.certificate': {
      message: (a: A) =>
        a.obtained
          ? `你的${labels.certificate[s(a.certificate)]}（${s(a.obtained)} 取得）晚于 ${day(a.cutoff)}，本年度不能据此报考`
          : `此条件要求持有${labels.certificate[s(a.certificate)]}，但所填信息中没有这个证书`,
      fix: (a: A) =>
        `取得${labels.certificate[s(a.certificate)]}后再报考；如已取得，用 --cert ${s(a.certificate)}:YYYY-MM 注明取得年月`,
    },
    'eligibility.graduation': {
      message: (a: A) => `${labels.education[s(a.education)] ?? ''}学历取得时间 ${s(a.graduated)} 晚于要求时间`,
      fix: () => '报名时须已取得所填学历（社会工作专业本科应届生可在考试当年毕业）；请核对毕业年月',
    },
    'eligibility.years': {
      message: (a: A) =>
        `社会工作年限不足：已计 ${months(n(a.counted))}，要求 ${n(a.years)} 年，差 ${months(n(a.shortfall))}（计至 ${day(a.cutoff)}）`,
      fix: (a: A) =>
        `${a.countFrom ? `从 ${s(a.countFrom)} 起的社会工作经历才计入；` : ''}继续从事社会工作，或核对 --work 所填时段`,
    },
    'eligibility.borderline': {
      message: (a: A) =>
        n(a.gap) >= 0
          ? `临界：已计 ${months(n(a.counted))}，刚好达到要求（${months(n(a.required))}）`
          : `临界：只差 ${months(-n(a.gap))} 即满足要求`,
      fix: () => '官方未规定按月取整办法；请备好起止时间清楚的工作证明，报名前向当地考试机构确认',
    },
    'eligibility.work-overlap': {
      message: (a: A) => `工作时段有重叠，重叠的 ${months(n(a.months))} 只计一次`,
      fix: () => '同一时间段的多份工作只算一次，无需处理',
    },
    'eligibility.during-study': {
      message: (a: A) =>
        `${s(a.spans)} 共 ${months(n(a.months))}的工作经历在全日制学习期间（入学至毕业当月），不计入工作年限`,
      fix: () => '全日制学习期间（含实习）不计工作年限；入学前和毕业后的工作照常计入',
    },
    'eligibility.in-service-study': {
      message: (a: A) =>
        `全日制${labels.education[s(a.education)] ?? ''}学习期间的 ${months(n(a.months))}工作经历未计入；如果你是在职读的全日制${labels.education[s(a.education)] ?? ''}，期间一直在岗并连续缴纳社保，有的省份会计入这段时间`,
      fix: () => '向报考省份的考试机构确认能否计入，并备好单位证明和连续的社保缴费记录',
    },
    'eligibility.enrolment-unknown': {
      message: (a: A) =>
        `不知道你的全日制${labels.education[s(a.education)] ?? ''}（${s(a.graduated)} 毕业）何时入学，毕业前的 ${s(a.spans)} 共 ${months(n(a.months))}工作经历暂未计入`,
      fix: (a: A) =>
        `如果这段工作在开始全日制学习（入学）之前，它可以计入：告诉本工具这个学历的入学年月（${
          a.main
            ? '--enrolled YYYY-MM'
            : `--degree ${labels.education[s(a.education)] ?? s(a.education)}:${a.major === 'social-work' ? '社会工作' : '其他'}:全日制:YYYY-MM..${s(a.graduated)}`
        }，或在问答/花名册的“入学时间”“其他学历”里填写）`,
    },
    'eligibility.before-certificate': {
      message: (a: A) =>
        `${months(n(a.months))}的工作经历早于取得${labels.certificate[s(a.certificate)]}，此条件下不计入`,
      fix: (a: A) => `此条件只计取得证书之后的工作年限，从 ${s(a.countFrom)} 起计算`,
    },
    'eligibility.after-cutoff': {
      message: (a: A) => `${months(n(a.months))}的工作在 ${day(a.cutoff)} 之后，本年度不计入`,
      fix: (a: A) => `工作年限统一计算到考试当年 ${n(a.cutoffMonth)} 月 ${n(a.cutoffDay)} 日`,
    },
    // Missing answers that decide the verdict: the question to ask, never a guess.
    'eligibility.ask-enrolment': {
      message: (a: A) =>
        `需补充信息：全日制${labels.education[s(a.education)] ?? ''}（${s(a.graduated)} 毕业）的入学年月未知，它决定能否报考${
          a.from ? `（${s(a.from)} 或更晚入学即符合）` : ''
        }`,
      fix: (a: A) =>
        `请问清入学年月并填写（${a.main ? '花名册“入学时间”列，或 --enrolled YYYY-MM' : `“其他学历”列，或 --degree ${labels.education[s(a.education)] ?? s(a.education)}:${a.major === 'social-work' ? '社会工作' : '其他'}:全日制:YYYY-MM..${s(a.graduated)}`}）${
          a.earliest ? `；入学不可能早于上一个学历毕业后的 ${s(a.earliest)}` : ''
        }`,
    },
    'eligibility.ask-qualification': {
      message: (a: A) =>
        `需补充信息：${labels.education[s(a.education)] ?? ''}在 ${s(a.graduated)} 才毕业，报名时尚未取得；现在已取得的学历决定能否报考`,
      fix: () => '请填写报名时已经取得的学历（如大专），以及它的专业和毕业年月（花名册“其他学历”列，或 --degree）',
    },
    'eligibility.ask-study-mode': {
      message: (a: A) =>
        `需补充信息：${a.source === 'column' ? '花名册缺少“学习形式”列' : '学习形式未填写或无法识别'}，${labels.education[s(a.education)] ?? ''}是否全日制决定能否报考`,
      fix: () => '请填写学习形式：全日制 或 非全日制（函授、自考、成人、网络）；全日制请一并填写入学时间',
    },
    'eligibility.ask-certificate': {
      message: (a: A) =>
        `需补充信息：花名册缺少“已有证书”列，${a.certificate ? `是否持有${labels.certificate[s(a.certificate)]}（及取得年月）` : '已有的证书'}决定能否报考`,
      fix: () => '请在花名册加“已有证书”列，写明证书和取得年月，如 中级:2021-06；没有证书的留空或填 无',
    },
    'eligibility.ask-work': {
      message: (a: A) =>
        `需补充信息：${a.source === 'column' ? '花名册缺少“社会工作经历”列' : '社会工作经历无法识别'}，工作年限决定能否报考`,
      fix: () => '请填写社会工作经历的起止时间，如 2019.07-2021.06；2022.03-至今',
    },
    'eligibility.interpretation': {
      message: () => '此条件的年限是按“其他专业相应增加年限”推算的，官方文件未逐项列出',
      fix: (a: A) =>
        `报名前向报考地考试机构确认${a.fallbackYears !== '' && a.fallbackYears !== undefined ? `；也可满 ${s(a.fallbackYears)} 年后按官方条件报考` : ''}`,
    },
  } satisfies Record<FindingId, FindingWords>,
  checklist: {
    'eligibility.verdict': (a: A) => {
      const status = s(a.status);
      if (status === 'eligible') return `符合 ${a.year} 年度报考条件`;
      if (status === 'unknown' && a.asks) return `${a.year} 年度是否符合报考条件取决于尚缺的信息，补充后才能判断`;
      if (status === 'unknown') return `${a.year} 年度可能符合报考条件，需向考试机构确认`;
      const when = a.earliestYear ? `，最早 ${a.earliestYear} 年度可报考` : '';
      return `${a.year} 年度暂不符合报考条件${when}`;
    },
    'materials.photo': (a: A) =>
      a.checked
        ? `报名照片已检查（${a.checked === 'fail' ? '未通过' : '通过'}）；上传前须用官方照片审核处理工具处理，生成“报名照片.jpg”`
        : `准备近期白底彩色一寸证件照（${a.width}×${a.height} 像素，JPG），用官方“照片审核处理工具”处理，上传生成的“报名照片.jpg”`,
    // Why online verification will fail, which document fits, how long it must stay valid
    'materials.education-verification': (a: A) => {
      const kindName = (k: string) => KIND_NAMES['zh-CN'][k] ?? k;
      const kinds = listOf(a.kinds).map(kindName).join('或');
      const reasons: Record<string, string> = {
        school: `${labels.education[s(a.education)]}学历不在学信网高等教育学历库中，平台无法在线核验`,
        'before-online': `${s(a.graduatedYear)} 年毕业，早于学历电子注册（${s(a.fromYear)} 年起），平台无法在线核验`,
        'degree-before-online': `${s(a.graduated)} 获得的学位早于学位在线验证覆盖的时间（${s(a.degreeFrom)} 起），《学位在线验证报告》查不到`,
        'not-yet-graduated': `报名时尚未毕业（${s(a.graduated)} 毕业），另备学校出具的应届毕业证明`,
        abroad: '境外学历须经留学服务中心认证',
        renamed:
          '姓名或证件号码与学历记录不一致（变更过，或报告上的与花名册不同），平台无法在线核验：备好公安机关出具的变更证明，学信网信息更新后下载',
      };
      const validity = a.validThrough
        ? `；报告的在线验证有效期须至少到 ${day(a.validThrough)}（${a.window === 'review' ? '考后资格复核' : '报名'}结束${a.estimated ? '，预估' : ''}）`
        : '';
      const uploaded = a.uploaded
        ? `；已上传${kindName(s(a.uploaded))}${a.validUntil ? `，有效期至 ${day(a.validUntil)}` : ''}`
        : '';
      const cases = listOf(a.cases);
      if (!cases.length)
        return `学历将由报名平台在线核验；核验不通过（学历未注册、姓名或证件号码变更、境外学历）时上传学信网 PDF：${kinds}，境外学历上传留学服务中心认证书${validity}${uploaded}`;
      return `${cases.map((c) => reasons[c] ?? c).join('；')}：准备${kinds}${validity}${uploaded}`;
    },
    'materials.work-proof': (a: A) =>
      `准备社会工作年限证明（单位盖章，写明起止时间与岗位，需满 ${a.years} 年，计至 ${day(a.cutoff)}）；只计社会工作岗位${a.militaryCounts ? '' : '，服兵役时间不计入'}；告知承诺制下报名时一般不交，考后复核或人工核查时需要`,
    'materials.hmt-resident': (a: A, c: NameContext) =>
      `${c.province(s(a.hukou))}居民报考：备好${a.document === 'mtp' ? '台湾居民来往大陆通行证（台胞证）' : '港澳居民来往内地通行证'}；在港澳台或境外取得的学历无法在线核验，须先办理教育部留学服务中心学历学位认证`,
    'materials.certificate': (a: A) =>
      a.obtained
        ? `准备${labels.certificate[s(a.certificate)]}（${a.obtained} 取得）扫描件，供核查`
        : a.unknown
          ? `确认是否持有${labels.certificate[s(a.certificate)]}及取得年月（花名册没有“已有证书”列）；持有的准备扫描件，供核查`
          : `此条件需要${labels.certificate[s(a.certificate)]}，你尚未取得`,
    'materials.residence': (a: A, c: NameContext) =>
      `户籍（${c.province(s(a.hukou))}）与报考省份（${c.province(s(a.province))}）不同：按属地原则在工作或居住地报名，备好居住证或社保缴费证明`,
    'registration.account': (a: A) =>
      `在中国人事考试网报名服务平台注册并完成实名核验（约 ${a.hours} 小时出结果），报名开始前办好`,
    'registration.commitment': () =>
      '报名时选择“告知承诺制”并签署电子承诺书（可免交学历、工作年限证明；虚假承诺按违纪处理）',
    'registration.window': (a: A, c: NameContext) => {
      const late = a.lateRegistration ? '' : '；不设补报名';
      if (a.closed) {
        return a.basis === 'conservative'
          ? `${a.province ? `${c.province(s(a.province))}的报名时间未公布` : '未填写报考省份'}，按最早关闭的省份推算已于 ${day(a.closed)} 截止：立即查看本省通知，若仍在报名期内马上报名；否则准备 ${a.nextYear} 年度`
          : `${a.nextYear ? `${n(a.nextYear) - 1} 年度` : ''}报名已于 ${day(a.closed)}${a.closedEstimated ? '（预估）' : ''}截止${late}：准备 ${a.nextYear} 年度，或查看本省通知`;
      }
      if (!a.start) return '在本省报名时间内完成报名';
      if (a.basis === 'conservative') {
        const earliest = ((a.earliest as string[] | undefined) ?? []).map((id) => c.province(id)).join('、');
        return `在本省报名时间内完成报名：${a.province ? `${c.province(s(a.province))}的报名时间尚未公布` : '未填写报考省份'}，按保守估计最晚 ${day(a.end)}（预估：${s(a.conservativeFrom)} 年最早关闭的是${earliest}${a.nationalStart ? `；全国报名时间 ${day(a.nationalStart)}–${day(a.nationalEnd)}，仅供参考` : ''}，各省在其中另定约 ${a.minDays}–${a.maxDays} 天）${late}；以本省通知为准`;
      }
      return `在${a.ownWindow ? '本省' : '全国'}报名时间内完成报名：${span(a)}${est(a)}${a.ownWindow ? '' : `（各省在此期间内另定约 ${a.minDays}–${a.maxDays} 天，以本省通知为准）`}${late}`;
    },
    'registration.accommodations': () =>
      '残疾考生如需合理便利（如读屏软件、单独考场），在报名期间向本省考试机构提出申请',
    'registration.fee': (a: A, c: NameContext) => {
      // A batch without a province names no fee.
      if (a.unknownProvince)
        return `缴费：金额按报考省份的标准${a.end ? `，${day(a.end)}${est(a)}前缴清` : ''}（花名册未给出报考省份，加 --province 或补 报考省份 列即可算出）`;
      const name = c.province(s(a.province));
      const papers = (a.perPaper as string[] | undefined) ?? [];
      const extra =
        n(a.perCandidate) === 0
          ? ''
          : a.perCandidateKind === 'score-archive'
            ? ` + 成绩档案管理费 ${a.perCandidate} 元（新参加滚动管理的考生；其他人一般退还）`
            : ` + 报名费 ${a.perCandidate} 元`;
      const basis = a.provinceSpecific
        ? `${name}标准${a.unverified ? '；实务科目按多数省份标准，未核实' : ''}`
        : `多数省份标准，${name}未核实`;
      const when = a.end ? `，${day(a.end)}${est(a)}前缴清${a.latePayment ? '' : '（不设补缴费）'}` : '';
      return n(a.total) === 0
        ? `${name}不收考试费（以本省通知为准）`
        : `缴费 ${a.papers} 科：${papers.join(' + ')} 元${extra} = ${a.total} 元（${basis}）${when}；未缴费视为放弃，已缴一般不退`;
    },
    'exam.admission-ticket': (a: A) =>
      a.start ? `打印准考证：${span(a)}${est(a)}（A4 纸，考试当天携带身份证和准考证）` : '考前一周打印准考证',
    'exam.timetable': (a: A, c: NameContext) =>
      `考试 ${span(a)}${est(a)}：${((a.papers as string[] | undefined) ?? []).map((p) => paper(p, c)).join('；')}`,
    'exam.pass-line': (a: A) =>
      `每科满分 ${a.outOf} 分，${a.score} 分合格；部分地区（乡村振兴重点帮扶县、西藏、涉藏州县、南疆四地州等）单独划线：${a.separateYear} 年${
        a.separateLine === null || a.separateLine === undefined
          ? '本级别与全国标准相同'
          : `本级别为 ${a.separateLine} 分`
      }${a.validOnlyThere && a.separateLine !== null && a.separateLine !== undefined ? '，按单独划线取得的证书仅在该地区有效' : ''}`,
    'exam.retention': (a: A) =>
      a.level === 'assistant'
        ? `助理级须在同一考试年度通过全部 ${a.papers} 科，成绩不滚动${a.exemptions ? '' : '；没有免试科目'}`
        : a.level === 'intermediate'
          ? `中级实行 ${a.years} 年滚动管理：在连续 ${a.years} 个考试年度内通过全部 ${a.papers} 科${a.exemptions ? '' : '；没有免试科目'}`
          : `高级考 ${a.papers} 科；考试合格取得成绩合格证明，全国 ${a.years} 年有效，期内须通过评审`,
    'after.scores': (a: A) =>
      `成绩公布：约 ${span(a)}${est(a)}，在中国人事考试网查询；复核须在公布后 ${a.recheckDays} 天内书面申请`,
    'after.review': (a: A, c: NameContext) =>
      `${c.province(s(a.province))}实行考后资格复核${a.sample ? '（按比例随机抽查）' : ''}（约 ${span(a)}${est(a)}）：按通知提交材料，未通过则成绩作废、费用不退`,
    'after.review-unconfirmed': (a: A, c: NameContext) =>
      `网传${c.province(s(a.province))}也实行考后资格复核（未见官方通知）：备好学历和工作年限证明，留意本省通知`,
    'after.pass-certificate': (a: A) =>
      `高级考试合格取得“成绩合格证明”，全国 ${a.years} 年有效；不颁发证书、不办理登记，证书须通过评审后取得`,
    'after.certificate': (a: A) =>
      `证书：纸质证书约 ${span(a)}${est(a)} 发放；电子证书在中国人事考试网下载，每次加注最长 ${a.annotationDays} 天，${a.windowDays} 天内最多 ${a.maxAnnotations} 次有效加注`,
    'after.evaluation': (a: A) =>
      `高级评审：成绩合格证明 ${a.years} 年内须通过评审才取得高级社会工作师证书；上一轮（${a.lastYear} 年）申报于 ${day(a.lastClose)} 截止${
        a.nextClose ? `，你可参加的第一轮预计 ${day(a.nextClose)}${a.estimated ? '（预估）' : ''}前申报` : ''
      }；准备近 ${a.withinYears} 年的 ${a.caseRecords} 份直接服务案例、不少于 ${a.supervisionHours} 小时督导记录和工作业绩`,
    'after.registration': (a: A) =>
      `通过考试后 ${a.months} 个月内在全国社会工作信息系统办理首次登记（成绩公布起算）；登记有效期 ${a.validYears} 年，期满前 ${a.renewMonths} 个月内再登记`,
    'materials.file': (a: A) =>
      `${s(a.roleName)}：${s(a.statusName)}${n(a.problems) > 0 ? `（${a.problems} 个问题）` : ''}`,
    'after.continuing-education': (a: A) => `每个登记有效期（${a.years} 年）完成继续教育不少于 ${a.hours} 学时`,
  } satisfies Record<ChecklistWordingId, ChecklistWords>,
  /** Short names of checklist items, for the closing “还差 N 项” line. */
  short: {
    'eligibility.verdict': '满足报考条件',
    'eligibility.ask': '补充资格所缺的信息',
    'materials.photo': '处理报名照片',
    'materials.education-verification': '准备学历核验材料',
    'materials.work-proof': '准备工作年限证明',
    'materials.certificate': '准备证书扫描件',
    'materials.residence': '准备居住证或社保证明',
    'materials.file': '重新准备未通过的材料',
    'registration.account': '注册并实名核验',
    'registration.commitment': '签署告知承诺书',
    'registration.window': '网上报名',
    'registration.fee': '缴费',
    'exam.admission-ticket': '打印准考证',
    'after.review': '考后资格复核',
    'after.evaluation': '高级评审',
    'after.review-unconfirmed': '留意考后复核',
    'materials.hmt-resident': '准备通行证与学历认证',
    'after.registration': '证书首次登记',
  } as Record<string, string>,
  /** What to do for each date (calendar descriptions, verbose timeline). */
  batch: {
    totalLabel: '总人数',
    status: { ready: '就绪', 'not-ready': '未就绪', 'needs-info': '需补充信息', ineligible: '不符合' },
    columns: {
      line: '行号',
      name: '姓名',
      id: '身份证号',
      level: '级别',
      status: '状态',
      eligibility: '资格',
      route: '适用条件',
      problem: '第一个阻止问题',
      fixed: '修复后',
      deadline: '报名截止',
      report: '个人报告',
    },
    yes: '是',
    no: '否',
    title: '批量检查报告',
    counts: (total: number, c: Record<string, number>) =>
      `共 ${total} 人：${c.ready ?? 0} 人就绪，${c['not-ready'] ?? 0} 人未就绪，${c['needs-info'] ?? 0} 人需补充信息，${c.ineligible ?? 0} 人不符合报考条件`,
    filter: '筛选（姓名、问题…）',
    onlyProblems: '只看有问题的',
    thumbnail: '照片',
    progress: (done: number, total: number, eta: string) => `已检查 ${done}/${total}${eta ? `，预计还需 ${eta}` : ''}`,
    // A batch cut short: what its reports hold
    interruptedNote: (done: number, total: number) => `运行被中断：本报告只含已检查完的 ${done}/${total} 名考生`,
    interrupted: (done: number, total: number) => `已中断：保存了已完成的 ${done}/${total} 人的报告`,
    removedStale: (count: number) => `已删除输出目录里上次运行留下、这次汇总中没有的 ${count} 个文件`,
    written: (dir: string) => `报告已写入 ${dir}`,
    html: (file: string) => `在浏览器中打开：${file}`,
    encoding: (encoding: string, rows: number) => `花名册：${rows} 行（编码 ${encoding}）`,
    generated: (today: string) => `生成于 ${today}，全部在本机完成`,
    // Batch summaries: fix states, what was not checked, the pages
    fixState: { fixed: '已修复', 'needs-new': '需要新照片或新扫描件', 'could-not-fix': '无法自动修复' } as Record<
      string,
      string
    >,
    notChecked: '未查',
    materialsNotChecked: '没有给 --materials，未检查材料：“就绪”只表示资格符合、没有其他阻止问题',
    noProvince: (rows: number) =>
      `${rows} 人没有报考省份（花名册无此列、为空或无法识别，也没有给 --province）：这些人不计算考试费，报名截止按最早关闭省份的保守估计（标“预估”，全国报名时间仅供参考）。加 --province 广东 或补 报考省份 列即可`,
    fixSummary: (fixed: number, needsNew: number, couldNot: number) =>
      `修复：${fixed} 个文件已修复并通过复查，${needsNew} 个需要新照片或新扫描件，${couldNot} 个无法自动修复`,
    readyAfterFix: (before: number, after: number) =>
      `修复前 ${before} 人就绪，修复后 ${after} 人就绪（就绪与第一个阻止问题按修复后的文件计算）`,
    page: '报告',
    pageTitle: (name: string) => `${name}：报名准备报告`,
    rowHeading: '花名册中的问题',
    fixesHeading: '修复结果',
    fixedCopy: '修复后的文件',
    original: '原文件',
    backToBatch: '返回批量报告',
    idLabel: '身份证号',
    noAnswers: '花名册中的回答不完整，未能判断资格；请按下列问题补全后重新运行',
    xlsxWritten: (file: string) => `Excel 汇总：${file}`,
    headerFound: (line: number, titles: number[]) => `表头在第 ${line} 行；第 ${titles.join('、')} 行是标题，已跳过`,
    noteRows: (lines: number[]) => `第 ${lines.join('、')} 行是合计、制表人或说明，不是考生，已跳过`,
    unrecognised: (columns: { header: string; nearest?: string }[]) =>
      `未识别的列（没有读取）：${columns.map((c) => (c.nearest ? `${c.header}（如果是${c.nearest}，请改名为“${c.nearest}”）` : c.header)).join('、')}`,
  },
  eventTodo: {
    photo: '用官方“照片审核处理工具”处理照片，保存生成的“报名照片.jpg”',
    registration: '在中国人事考试网报名服务平台报名（提前注册并实名核验）',
    payment: '资格审核通过后在线缴费，逾期视为放弃报名',
    'admission-ticket': '打印准考证（A4 纸），考试当天携带身份证',
    exam: '携带身份证、准考证、黑色墨水笔、2B 铅笔和橡皮；提前到场，迟到可能不得入场',
    scores: '在中国人事考试网查询成绩；需要时按规定期限申请复核',
    'post-exam-review': '按本省通知提交复核材料，未参加或未通过则成绩作废',
    certificate: '领取纸质证书（或邮寄）',
    'e-certificate': '在中国人事考试网下载电子证书，按需加注',
    'certificate-registration': '在全国社会工作信息系统办理证书首次登记',
    'continuing-education': '在登记有效期内完成继续教育学时',
    'senior-review': '按评审通知提交案例、督导记录与业绩材料',
    'work-years-cutoff': '社会工作年限计算到这一天',
  } as Record<string, string>,
  // The derived source of an estimated date (dates/build-events.ts → report/localize.ts)
  eventSource: eventSourceZh,
  eventNote: {
    estimated: (from: string) =>
      `预估：依据${from === 'exam' ? '考试日期' : from === 'registration' ? '报名时间' : from === 'scores' ? '成绩公布时间' : from === 'certificate' ? '证书发放时间' : ` ${from} 年的时间规律`}推算`,
    province: (name: string, city?: string) =>
      city ? `${city}市通知的时间（${name}其他地市未核实，以本地通知为准）` : `${name}本省时间`,
    published: '已公布',
    rule: '按规定计算',
    // One wording of a conservative close, with or without a province: marked, the national window beside it.
    conservative: (from: string, earliest: string, province: boolean, national: string) =>
      `${province ? '本省未公布' : '未指定省份'}：保守估计，按 ${from} 年最早关闭的省份（${earliest}）推算${national ? `；全国报名时间 ${national}，仅供参考` : ''}`,
    span: (start: string, end: string) => `${day(start)}–${day(end).replace(/^\d+年/, '')}`,
  },
  problem: {
    // Rule-file and calendar problems (codes from the parsers)
    ...ruleProblemsZh,
    ...packProblemsZh,
    'answer.level': (a: A) =>
      `无法识别级别“${s(a.value)}”：可填 assistant（助理/初级）、intermediate（中级）、senior（高级）`,
    'answer.education': (a: A) =>
      `无法识别学历“${s(a.value)}”：可填 高中、中专、大专、本科、硕士、博士（或 highschool … doctor）`,
    'answer.major': (a: A) => `无法识别专业“${s(a.value)}”：可填 社会工作 或 其他（social-work / other）`,
    'answer.study-mode': (a: A) => `无法识别学习形式“${s(a.value)}”：可填 全日制 或 非全日制（full-time / part-time）`,
    'answer.year-month': (a: A) => `无法识别年月“${s(a.value)}”：请写成 2019-07、2019.07 或 2019年7月`,
    'answer.work': (a: A) =>
      `无法识别工作时段“${s(a.value)}”：请写成 2019-07..2021-06、2019.07-2021.06 或 2019年7月-至今，没有写 无`,
    'answer.work-order': (a: A) => `工作时段“${s(a.value)}”结束早于开始`,
    'answer.degree': (a: A) =>
      `无法识别学历“${s(a.value)}”：请写成 学历:专业:学习形式:入学..毕业，如 大专:社会工作:全日制:2012-09..2015-06（不知道入学年月可写 ..2015-06）`,
    'answer.enrolled-order': (a: A) =>
      `入学年月 ${s(a.enrolled)} 晚于毕业年月 ${s(a.graduated)}：请核对 --enrolled 和 --graduated`,
    'answer.degree-order': (a: A) => `学历“${s(a.value)}”的入学年月晚于毕业年月`,
    'answer.year-range': (a: A) => `不支持的考试年度“${s(a.value)}”：本工具的规则覆盖 ${s(a.first)}–${s(a.last)} 年度`,
    'answer.certificate': (a: A) => `无法识别证书“${s(a.value)}”：请写成 助理:2019-12 或 assistant:2019-12`,
    'answer.province': (a: A) => `无法识别省份“${s(a.value)}”：请写省份或地级市名称，如 广东、广州 或 guangdong`,
    'answer.province-registers': (a: A) => `${s(a.value)}不是内地报名省份：请填写你工作或居住地所在省份`,
    'answer.required': (a: A) => `缺少必填回答：${s(a.what)}。请加 ${s(a.flag)}（非交互模式下不会提问）`,
    'answer.date': (a: A) => `无法识别日期“${s(a.value)}”：请写成 YYYY-MM-DD`,
    'answer.year': (a: A) => `无法识别年份“${s(a.value)}”`,
    'answer.format': (a: A) => `不支持的输出格式“${s(a.value)}”：可选 ${s(a.allowed)}`,
    'answer.lang': (a: A) => `不支持的语言“${s(a.value)}”：可选 zh-CN、en`,
  } as Record<string, (a: A) => string>,
  data: dataWordsZh,
  page: pageWordsZh,
  error: {
    ...packErrorsZh,
    'error.rules-unreadable': (a: A) => `无法读取规则文件 ${s(a.file)}（${systemReasonZh(a.reason)}）`,
    'error.rules-invalid': (a: A) => `规则文件 ${s(a.file)} 有问题，未能运行：`,
    // A bundled data file (calendar, demo sample) that cannot be read
    'error.data-unreadable': (a: A) => `无法读取数据文件 ${s(a.file)}（${systemReasonZh(a.reason)}）`,
    'error.output': (a: A) => `无法写入 ${s(a.file)}：${OUTPUT_REASON_ZH[s(a.reason)] ?? systemReasonZh(a.reason)}`,
    // Outputs that would replace a file, and rosters that cannot be read
    'error.output-exists': (a: A) => `不会覆盖已有的文件 ${s(a.file)}：请换一个文件名，或加 --force 确认覆盖`,
    'error.batch-output-exists': (a: A) =>
      `输出目录里已有不是 shegong 上次写入的 ${s(a.file)}，不会覆盖：请用 --output 指定一个新的或空的文件夹`,
    'error.output-locked': (a: A) =>
      `输出目录 ${s(a.dir)} 正被另一个 shegong（进程 ${s(a.pid)}）使用：请等它结束，或换一个 --output 文件夹。若确认没有在运行，删除 ${s(a.lock)} 后重试`,
    'error.fix-overwrite': (a: A) => `不会覆盖原文件 ${s(a.file)}：请用 --output 指定另一个文件或文件夹`,
    'error.roster': (a: A) =>
      `无法读取花名册${s(a.line) ? `（第 ${s(a.line)} 行）` : ''}：${ROSTER_REASON_ZH[s(a.reason)]?.(a) ?? s(a.reason)}`,
    'error.roster-header': (a: A) =>
      `花名册没有可识别的表头：至少需要 姓名/name 和 报考级别/level 等列${s(a.encoding) === 'gb18030' ? '。文件不是有效的 UTF-8，已按 GBK/GB18030 读取；若文件混有两种编码，请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”后再试' : ''}`,
    // Rosters and output folders that cannot be used
    'error.roster-old-excel': (a: A) =>
      `无法读取花名册 ${s(a.file)}：这是 ${s(a.kind)} 文件，本工具不读取这种格式。请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV（UTF-8）后再运行`,
    'error.roster-missing': (a: A) => `找不到花名册文件 ${s(a.file)}：请检查路径和文件名`,
    'error.roster-folder': (a: A) => `${s(a.file)} 是文件夹，不是花名册文件：请给出 .xlsx 或 .csv 文件的路径`,
    'error.roster-denied': (a: A) => `没有权限读取花名册 ${s(a.file)}：请检查文件权限，或复制一份到自己的文件夹`,
    'error.roster-sheet': (a: A) =>
      `花名册 ${s(a.file)} 中没有工作表“${s(a.sheet)}”：--sheet 请写工作表名称或序号（从 1 开始）`,
    'error.roster-not-table': (a: A) =>
      `${s(a.file)} 不是可读的表格${s(a.reason) ? `（${s(a.reason)}）` : ''}：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再运行`,
    'error.materials': (a: A) =>
      `材料目录 ${s(a.dir)} 不存在或不是文件夹：请给出每人一个子文件夹的材料目录，或去掉 --materials 只检查资格`,
    'error.output-dir': (a: A) =>
      `无法使用输出目录 ${s(a.dir)}：${OUTPUT_REASON_ZH[s(a.reason)] ?? s(a.reason)}。请用 --output 指定一个可写的文件夹`,
    'error.internal': () => '内部错误：程序遇到意外情况。加 --verbose 查看详情，并请反馈此问题。',
    'error.usage': () => '用法错误',
    // Library and system errors as sentences
    'error.no-profile': () => '还没有保存的回答：请先在终端里运行 shegong 回答一次问题',
    'error.needs-terminal': (a: A) => `${s(a.command)} 需要在终端里逐项回答，请直接在终端窗口运行`,
    'error.output-required': (a: A) => `缺少 --output：请指定输出位置，如 ${s(a.usage)}`,
    'error.not-found': (a: A) => `找不到 ${s(a.file)}：请检查路径和文件名（也可以把文件拖进终端窗口）`,
    'error.is-folder': (a: A) => `${s(a.file)} 是一个文件夹，这里需要一个文件`,
    'error.ui-no-batch': (a: A) =>
      `${s(a.file)} 里没有 batch 的结果（summary.json）：请给出 shegong batch --output 写出的文件夹`,
    'error.not-folder': (a: A) => `${s(a.file)} 不是文件夹：请给出材料所在的文件夹`,
    'error.folder-empty': (a: A) =>
      `文件夹 ${s(a.dir)} 是空的，没有可检查的文件：请给出放着照片、身份证、学历等文件的文件夹`,
    'error.folder-no-files': (a: A) =>
      `文件夹 ${s(a.dir)} 里没有文件，只有 ${s(a.count)} 个子文件夹（子文件夹不会查看）：要检查的是 ${s(a.example)} 吗？请给出直接放着照片、身份证、学历等文件的文件夹`,
    'error.unreadable': (a: A) => `无法读取 ${s(a.file)}（${systemReasonZh(a.reason)}）`,
    'error.role': (a: A) => `无法识别材料用途“${s(a.value)}”：可选 ${s(a.roles)}`,
    'error.role-unknown': (a: A) =>
      `无法从文件名判断 ${s(a.file)} 是什么材料：请加 --as 说明，如 --as 照片、--as 身份证正面`,
    'error.json': (a: A) =>
      `${s(a.file)} 第 ${s(a.line)} 行第 ${s(a.column)} 列不是有效的 JSON：请检查这一处的引号、逗号和括号`,
    'error.system': (a: A) => `${s(a.file) ? `${s(a.file)}：` : ''}${systemReasonZh(a.reason)}`,
    'error.sharp-missing': () =>
      '无法加载图像处理组件 sharp：本机缺少它的平台文件（用 npm install --omit=optional 安装时会被一并略去）。检查照片和扫描件需要它：请在安装 shegong 的目录运行 npm install --include=optional sharp（已装过则运行 npm rebuild sharp）。资格、日期、清单、rules、data 和 PDF 的检查不需要它，照常可用',
    cancelled: '已取消。',
  } as Record<string, ((a: A) => string) | string>,
  prompt: {
    intro: '回答几个问题，检查你的报考资格并生成准备清单（回答保存在本机，可用 shegong profile reset 清除）。',
    level: '报考级别',
    education: '最高学历（用于报考的学历）',
    major: '所学专业',
    graduated: '取得该学历的年月（如 2019-07；应届生填预计毕业年月）',
    studyMode: '该学历的学习形式',
    work: '社会工作经历时段（如 2019-07..2021-06, 2022-03..；“..”结尾表示至今；没有填 无）',
    certAssistant: '取得助理社会工作师证书的年月（没有填 无）',
    certIntermediate: '取得社会工作师（中级）资格的年月（没有填 无）',
    province: '报考省份（工作或居住地，如 广东）',
    hukou: '户籍所在省份（可留空）',
    educationCase: '你的学历属于哪种情况？（决定报名平台能否在线核验学历）',
    enrolled: '这个全日制学历是哪年哪月入学的？（如 2019-09；入学前的工作可以计入年限；不记得可留空）',
    moreDegrees: '除了上面的学历，你还有其他已取得或在读的学历吗？（如先读大专、后读本科）',
    degreeEducation: '其他学历：层次',
    degreePeriod: '这个学历的入学与毕业年月（如 2012-09..2015-06；只知道毕业年月就写 ..2015-06）',
    filesDir: '报名材料所在文件夹（照片、身份证、学历等；可留空跳过）',
    // Profile show labels for keys the questions above do not cover
    degrees: '其他学历',
    certificates: '已有证书',
  },
};

/** An operating-system error code in words (the code itself only under --verbose). */
const SYSTEM_REASONS_ZH: Record<string, string> = {
  ENOENT: '文件或文件夹不存在',
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '磁盘或文件夹是只读的',
  ENOSPC: '磁盘空间已满',
  EEXIST: '已经存在同名文件',
  EBUSY: '文件正被其他程序使用',
  EMFILE: '同时打开的文件太多',
  ENAMETOOLONG: '路径太长',
  ELOOP: '路径中的链接指向自己',
  // Our own code (src/io/safe-read.ts) for a pipe, device or socket: reading it could block forever.
  'not-regular': '不是普通文件，是管道、设备或套接字，不会去读',
};
export const systemReasonZh = (code: unknown) => SYSTEM_REASONS_ZH[s(code)] ?? `系统错误 ${s(code)}`;

/** 'associate,bachelor' → 大专、本科 */
const educationList = (value: unknown) =>
  s(value)
    .split(',')
    .filter(Boolean)
    .map((e) => labels.education[e] ?? e)
    .join('、');

const RANK = ['highschool', 'secondary', 'associate', 'bachelor', 'master', 'doctor'];

/** A route in words, from its data: education, major, years, certificate, note. */
function routeZh(route: Route): string {
  const sorted = [...route.education].sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b));
  const lowest = sorted[0] ?? '';
  const names = sorted.map((e) => labels.education[e] ?? e);
  const education = sorted.every((e) => e === 'highschool' || e === 'secondary')
    ? `${names.join('或')}学历`
    : sorted.length > 1
      ? `${labels.education[lowest]}及以上学历（学位）`
      : lowest === 'master' || lowest === 'doctor'
        ? `${labels.education[lowest]}学位`
        : `${labels.education[lowest]}学历`;
  const major = route.major === 'social-work' ? '社会工作专业' : route.major === 'other' ? '其他专业' : '';
  const after = route.certificate ? `取得${labels.certificate[route.certificate]}后` : '';
  const years = route.years > 0 ? `，${after}从事社会工作满 ${route.years} 年` : after ? `，${after}即可` : '';
  const derived = route.confidence && route.confidence !== 'official' ? '（推算）' : '';
  if (route.note && route.years === 0) return `${route.note['zh-CN']}${derived}`;
  return `${major}${education}${years}${derived}`;
}

/** `law-policy@2026-05-23 14:00-16:00` → 社会工作法规与政策 5月23日 14:00-16:00 */
function paper(spec: string, c: NameContext): string {
  const [id = '', when = ''] = spec.split('@');
  const [date = '', time = ''] = when.split(' ');
  return `${c.paper(id)} ${shortDay(date)} ${time}`;
}
