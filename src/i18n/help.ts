/**
 * The shell's own words: help text, commander's errors in the user's language, usage details.
 * Imports nothing, so `--help` still loads only commander (test/cli/e2e.test.ts traces it).
 * Both languages are typed by one interface: a missing translation fails `tsc`.
 */

/** Quote a name as each language does. */
const qZh = (name: string) => `“${name}”`;
const qEn = (name: string) => `'${name}'`;

export interface HelpWords {
  program: string;
  /** `formats`: the registry's formats joined with ' | '. */
  format(formats: string): string;
  output: string;
  lang: string;
  version: string;
  help: string;
  helpCommand: string;
  usageOptions: string;
  usageCommand: string;
  useProfile: string;
  force: string;
  profileAction: string;
  argRoster: string;
  argPath: string;
  argFile: string;
  year: string;
  today: string;
  rules: string;
  noInput: string;
  verbose: string;
  noColor: string;
  check: string;
  level: string;
  education: string;
  major: string;
  graduated: string;
  studyMode: string;
  enrolled: string;
  degree: string;
  work: string;
  cert: string;
  province: string;
  hukou: string;
  educationCase: string;
  rulesCommand: string;
  dataCommand: string;
  dataAction: string;
  argPack: string;
  profile: string;
  demo: string;
  files: string;
  as: string;
  fix: string;
  photo: string;
  idFront: string;
  idBack: string;
  diploma: string;
  workProof: string;
  socialSecurity: string;
  residencePermit: string;
  filesDir: string;
  checkFix: string;
  batch: string;
  materials: string;
  batchDefault: string;
  sheet: string;
  concurrency: string;
  batchFix: string;
  dates: string;
  ics: string;
  ui: string;
  noOpen: string;
  uiBatch: string;
  expose: string;
  /** commander's section titles, by its English title. */
  titles: Record<string, string>;
  /** One example per option a command uses, by command name. */
  example: Record<string, [string, string][]>;
  examples: string;
  /** commander's English errors, said again in the user's language. */
  commander: {
    unknownOption(name: string): string;
    unknownCommand(name: string): string;
    missingArgument(name: string): string;
    optionArgumentMissing(name: string): string;
    tooManyArguments(command: string | undefined, expected: string, got: string): string;
    unknownProfileAction(action: string): string;
    unknownDataAction(action: string): string;
    dataImportNeedsFile: string;
    didYouMean(names: string[]): string;
    /** The last line of a usage error: where to read more. */
    seeHelp(command: string): string;
    /** The same, under a usage error a command raised. */
    seeUsage: string;
  };
  /** Details under a usage-error headline. */
  usage: {
    educationCase(value: string): string;
    concurrency(value: string): string;
  };
  /** Words of the interview that are not questions. */
  interview: {
    sameProvince: string;
  };
}

export const helpZh: HelpWords = {
  program: '社会工作者职业资格考试报名准备检查：资格、材料、关键日期、准备清单。全部在本机完成，不上传任何数据。',
  format: (formats) => `输出格式：${formats}`,
  output: '写入文件：报告（check、dates 等）；修复后的文件（fix）；输出文件夹（batch）',
  lang: '语言：zh-CN（默认）| en',
  version: '显示版本号',
  help: '显示帮助',
  helpCommand: '显示某个命令的帮助',
  examples: '示例：',
  usageOptions: '[选项]',
  usageCommand: '[命令]',
  useProfile: '直接使用上次保存的回答（不提问）；命令行给出的回答优先',
  force: '输出文件已存在时覆盖它（默认另取一个带编号的名字）',
  profileAction: 'show（查看）| edit（修改）| reset（清除）| path（保存位置），默认 show',
  argRoster: '花名册文件（.csv 或 .xlsx）',
  argPath: '文件或文件夹，可多个',
  argFile: '要修复的文件',
  year: '考试年度（默认：正在准备的那一年）',
  today: '固定“今天”（YYYY-MM-DD，默认按北京时间）',
  rules: '规则覆盖文件（JSON，可重复）',
  noInput: '从不提问：缺少的回答按用法错误退出（码 2）',
  verbose: '显示计算明细、实测值与来源',
  noColor: '不使用颜色（也可设 NO_COLOR）',
  check: '准备清单：资格判断 + 材料 + 日期（终端中会逐项提问）',
  level: '报考级别：assistant(助理) | intermediate(中级) | senior(高级)',
  education: '学历：highschool(高中) secondary(中专) associate(大专) bachelor(本科) master(硕士) doctor(博士)',
  major: '专业：social-work(社会工作) | other(其他)',
  graduated: '取得学历的年月 YYYY-MM',
  studyMode: '学习形式：full-time(全日制) | part-time(非全日制)',
  enrolled: '该学历全日制学习开始（入学）的年月 YYYY-MM：入学前的工作可计入年限',
  degree: '每个已取得或在读的学历 学历:专业:学习形式:入学..毕业，可重复，如 大专:社会工作:全日制:2012-09..2015-06',
  work: '社会工作时段 YYYY-MM..YYYY-MM 或 YYYY-MM..（至今），可重复；没有写 none',
  cert: '已有证书 assistant:YYYY-MM 或 intermediate:YYYY-MM，可重复',
  province: '报考省份（如 广东 / guangdong）',
  hukou: '户籍所在省份',
  educationCase: '学历无法在线核验的情形（可重复）：abroad(境外学历) | renamed(姓名或证件号码变更)',
  rulesCommand: '当前规则：每条规则的取值、来源与可信度',
  dataCommand: '规则包（数据）：status 查看 | import 文件 导入 | update 从 npm 更新（唯一联网的操作）',
  dataAction: 'status（查看，默认）| import（导入文件）| update（从 npm 取得最新规则包）',
  argPack: '规则包文件（import 时）',
  profile: '保存的回答：show | edit | reset | path',
  demo: '用内置示例考生演示准备清单（无需输入）',
  files: '只检查上传文件（照片、身份证、学历、工作证明等）；可给文件夹',
  as: '文件用途：photo | id-front | id-back | diploma | work-proof | social-security | residence-permit（默认按文件名判断）',
  fix: '生成合规副本（原文件不动，默认写在原文件旁：名字.fixed.jpg），并检查新文件',
  photo: '报名照片文件',
  idFront: '身份证正面',
  idBack: '身份证反面',
  diploma: '学历证书或学信网报告（JPG/PDF）',
  workProof: '工作年限证明',
  socialSecurity: '社保缴费证明',
  residencePermit: '居住证',
  filesDir: '材料文件夹：按文件名找照片、身份证正面、学历……',
  checkFix: '为有问题的文件生成合规副本（写在原文件旁，带 .fixed）',
  batch: '批量检查花名册（CSV/GBK/xlsx）：每人的资格、材料与报告',
  materials: '材料目录：每人一个文件夹（按材料目录列、姓名或身份证后 6 位）；不给则只检查资格',
  batchDefault: '。回答参数（--level、--province 等，与 check 相同）用于花名册中没有此列或为空的行，花名册的值优先',
  sheet: 'xlsx 的工作表（名称或序号，默认第一个）',
  concurrency: '同时检查的人数（默认每个 CPU 核两人）',
  batchFix: '把可修复的文件修复到 输出目录/fixed/<考生>/',
  ui: '在本机浏览器页面里完成问答、查看清单、检查并修复照片（文件不离开本机）',
  noOpen: '不自动打开浏览器，只打印地址',
  uiBatch: '打开 batch 的输出文件夹，逐个查看考生（只读）',
  expose: '危险：在所有网络接口上监听（同一网络中的人都能访问），仅在可信网络中临时使用',
  dates: '关键日期与倒计时（已公布的用官方日期，其余按往年规律预估）',
  ics: '导出日历文件（.ics，可导入手机日历）',
  example: {
    check: [
      ['shegong', '在终端里逐项提问，然后显示准备清单'],
      ['shegong --format html -o 清单.html', '提问后把清单存成网页，可打印'],
      ['shegong --use-profile -o 清单.txt', '用上次保存的回答，不再提问'],
      [
        'shegong --level 助理 --education 本科 --major 其他 --graduated 2023-06 --study-mode 全日制 --work 2023-07.. --province 广东',
        '不提问，全部用选项给出',
      ],
      ['shegong --files ./材料 --fix', '同时检查材料文件夹，并为可修复的文件生成副本'],
      ['shegong --year 2027 --today 2026-12-01 --lang en', '指定年度、今天和语言'],
    ],
    data: [
      ['shegong data', '正在使用哪个规则包、核对于哪天'],
      ['shegong data import shegong-data-2027.2.json', '导入收到的规则包文件（校验签名后安装）'],
      ['shegong data update', '从 npm 取得最新发布的规则包'],
    ],
    rules: [
      ['shegong rules', '列出全部规则与来源'],
      ['shegong rules --format json -o 规则.json', '存为 JSON'],
      ['shegong rules --rules 本省.json', '看覆盖后的规则'],
    ],
    profile: [
      ['shegong profile', '查看保存的回答'],
      ['shegong profile edit', '重新回答，上次的回答作为默认值'],
      ['shegong profile reset', '清除保存的回答'],
    ],
    batch: [
      ['shegong batch 花名册.xlsx --materials ./材料 --output ./结果', '每人一个材料文件夹，结果写入 ./结果'],
      ['shegong batch 花名册.csv --materials ./材料 -o ./结果 --fix --concurrency 2', '同时修复可修复的文件，两人并行'],
      ['shegong batch 花名册.xlsx --sheet 2 --materials ./材料 -o ./结果 --today 2026-12-01', '第二个工作表，指定今天'],
    ],
    files: [
      ['shegong files 照片.jpg', '按文件名判断用途并检查'],
      ['shegong files IMG_0001.jpg --as 照片', '指定用途（照片、身份证正面……）'],
      ['shegong files ./材料 --format json -o 结果.json', '检查整个文件夹并存为 JSON'],
    ],
    fix: [
      ['shegong fix 照片.jpg', '写出 照片.fixed.jpg（已存在则另取编号名）'],
      ['shegong fix IMG_0001.jpg --as 照片 -o 合规照片.jpg', '指定用途和输出文件'],
      ['shegong fix 身份证.jpg -o ./修复/ --force', '写入文件夹，覆盖同名文件'],
    ],
    dates: [
      ['shegong dates', '今年的关键日期与倒计时'],
      ['shegong dates --province 广东 --level 中级', '该省的报名时间和该级别的科目时间'],
      ['shegong dates --ics 社工考试.ics', '导出日历，导入手机'],
      ['shegong dates --format md -o 日期.md', '存为 Markdown'],
    ],
    ui: [
      ['shegong ui', '打开本机页面（自动打开浏览器）'],
      ['shegong ui --no-open', '只打印地址，自己在浏览器中打开'],
      ['shegong ui --batch ./结果', '辅导员：浏览 batch 的结果'],
    ],
    demo: [
      ['shegong demo', '示例考生的准备清单'],
      ['shegong demo --format html -o 示例.html', '示例清单网页'],
    ],
  },
  titles: {
    'Usage:': '用法：',
    'Options:': '选项：',
    'Commands:': '命令：',
    'Arguments:': '参数：',
    'Global Options:': '通用选项：',
  },
  commander: {
    unknownOption: (name) => `没有 ${qZh(name)} 这个选项。`,
    unknownCommand: (name) => `没有 ${qZh(name)} 这个命令。`,
    missingArgument: (name) => `缺少参数 <${name}>：请写在命令后面。`,
    optionArgumentMissing: (name) => `选项 ${qZh(name)} 后面缺少取值。`,
    tooManyArguments: (command, expected, got) =>
      `${command ? `${qZh(command)} ` : ''}多了参数：应有 ${expected} 个，实际给了 ${got} 个。`,
    unknownProfileAction: (action) =>
      `profile 没有 ${qZh(action)} 这个操作：可用 show（查看）、edit（修改）、reset（清除）、path（保存位置）。`,
    unknownDataAction: (action) =>
      `data 没有 ${qZh(action)} 这个操作：可用 status（查看）、import 文件（导入）、update（从 npm 更新）。`,
    dataImportNeedsFile: '缺少规则包文件：shegong data import 文件',
    didYouMean: (names) => `你是不是想输入 ${names.join(' 或 ')}？`,
    seeHelp: (command) => `查看用法：shegong${command ? ` ${command}` : ''} --help`,
    seeUsage: '查看用法： shegong --help',
  },
  usage: {
    educationCase: (value) => `--education-case ${value}：可填 abroad（境外学历）或 renamed（改名/证件变更）`,
    concurrency: (value) => `--concurrency ${value}：同时检查的人数应为 1 或更大的整数，如 --concurrency 2`,
  },
  interview: {
    sameProvince: '（与报考省份相同）',
  },
};

export const helpEn: HelpWords = {
  program:
    'Readiness checker for the national social worker qualification exam: eligibility, materials, key dates, checklist. Runs offline.',
  format: (formats) => `output format: ${formats}`,
  output: 'write to a file: the report; the fixed copy (fix); the output folder (batch)',
  lang: 'language: zh-CN (default) | en',
  version: 'show the version number',
  help: 'show help',
  helpCommand: 'show help for a command',
  examples: 'Examples:',
  usageOptions: '[options]',
  usageCommand: '[command]',
  useProfile: 'use the saved answers without asking; flags given still win',
  force: 'overwrite an existing output file (default: a numbered name)',
  profileAction: 'show | edit | reset | path (default: show)',
  argRoster: 'roster file (.csv or .xlsx)',
  argPath: 'files or folders',
  argFile: 'the file to fix',
  year: 'exam year (default: the one being prepared for)',
  today: 'pin "today" (YYYY-MM-DD; default: today in Asia/Shanghai)',
  rules: 'rule override file (JSON, repeatable)',
  noInput: 'never prompt; a missing answer is a usage error (exit 2)',
  verbose: 'show measured values, calculations and sources',
  noColor: 'no colour (or set NO_COLOR)',
  check: 'the readiness checklist (asks in a terminal)',
  level: 'level: assistant | intermediate | senior',
  education: 'education: highschool | secondary | associate | bachelor | master | doctor',
  major: 'major: social-work | other',
  graduated: 'month the education was obtained, YYYY-MM',
  studyMode: 'study mode: full-time | part-time',
  enrolled: 'month full-time study for --education began, YYYY-MM (work before it counts)',
  degree:
    'every qualification held or being finished, LEVEL:MAJOR:MODE:YYYY-MM..YYYY-MM; repeatable, e.g. associate:social-work:full-time:2012-09..2015-06',
  work: 'social-work period YYYY-MM..YYYY-MM or YYYY-MM.. (ongoing); repeatable; none',
  cert: 'certificate held, assistant:YYYY-MM or intermediate:YYYY-MM; repeatable',
  province: 'province you register in',
  hukou: 'province of your hukou',
  educationCase:
    'why online education verification will fail (repeatable): abroad (overseas degree) | renamed (name or ID number changed)',
  rulesCommand: 'the active rules with values, sources and confidence',
  dataCommand: 'rule packs (the data): status | import FILE | update from npm (the one network call)',
  dataAction: 'status (default) | import (a pack file) | update (the newest pack published on npm)',
  argPack: 'the pack file (for import)',
  profile: 'saved answers: show | edit | reset | path',
  demo: 'the checklist for a bundled sample candidate (no input)',
  files: 'validate upload files only (photo, ID, diploma, work proof …); folders allowed',
  as: 'role: photo | id-front | id-back | diploma | work-proof | social-security | residence-permit (default: from the name)',
  fix: 'write a compliant copy (the original is untouched; default <name>.fixed.jpg beside it), and check it',
  photo: 'photo file',
  idFront: 'ID card front',
  idBack: 'ID card back',
  diploma: 'diploma or CHSI report (JPG/PDF)',
  workProof: 'proof of work experience',
  socialSecurity: 'social insurance record',
  residencePermit: 'residence permit',
  filesDir: 'materials folder: files found by name (照片/photo, 身份证正面/id-front …)',
  checkFix: 'write compliant copies of fixable files beside the originals (.fixed)',
  batch: 'check a whole roster (CSV, GBK, xlsx): eligibility, materials and reports per applicant',
  materials:
    'materials folder: one subfolder per applicant (folder column, name or last 6 ID digits); without it, eligibility only',
  batchDefault:
    '. Answer flags (--level, --province …, as for check) fill rows whose column is missing or empty; the roster wins',
  sheet: 'xlsx sheet (name or number; default the first)',
  concurrency: 'applicants checked at once (default: two per CPU core)',
  batchFix: 'write fixed copies to OUTPUT/fixed/<applicant>/',
  ui: 'a local page in your browser: the questions, the checklist, photos checked and fixed (files never leave the machine)',
  noOpen: 'do not open the browser, only print the address',
  uiBatch: 'open a batch output folder and browse its applicants (read-only)',
  expose:
    'dangerous: listen on every network interface (anyone on the network can reach it); trusted networks only, briefly',
  dates: 'key dates with countdowns (published where known, else estimated)',
  ics: 'export a calendar file (.ics) for your phone',
  example: {
    check: [
      ['shegong', 'asks question by question, then shows the checklist'],
      ['shegong --format html -o 清单.html', 'asks, then saves the checklist as a printable page'],
      ['shegong --use-profile -o 清单.txt', 'uses the saved answers without asking'],
      [
        'shegong --level 助理 --education 本科 --major 其他 --graduated 2023-06 --study-mode 全日制 --work 2023-07.. --province 广东',
        'no questions: every answer as a flag',
      ],
      ['shegong --files ./材料 --fix', 'also checks a materials folder and writes fixed copies'],
      ['shegong --year 2027 --today 2026-12-01 --lang en', 'pins the year, today and the language'],
    ],
    data: [
      ['shegong data', 'which rule pack is in use, and when it was checked'],
      ['shegong data import shegong-data-2027.2.json', 'installs a pack received as a file (signature checked)'],
      ['shegong data update', 'fetches the newest pack published on npm'],
    ],
    rules: [
      ['shegong rules', 'lists every rule with its source'],
      ['shegong rules --format json -o 规则.json', 'saves them as JSON'],
      ['shegong rules --rules 本省.json', 'shows the rules after an override'],
    ],
    profile: [
      ['shegong profile', 'shows the saved answers'],
      ['shegong profile edit', 'answers again with the saved answers as defaults'],
      ['shegong profile reset', 'deletes the saved answers'],
    ],
    batch: [
      [
        'shegong batch 花名册.xlsx --materials ./材料 --output ./结果',
        'one materials folder per applicant; results in ./结果',
      ],
      [
        'shegong batch 花名册.csv --materials ./材料 -o ./结果 --fix --concurrency 2',
        'also writes fixed copies, two applicants at a time',
      ],
      [
        'shegong batch 花名册.xlsx --sheet 2 --materials ./材料 -o ./结果 --today 2026-12-01',
        'the second sheet, with a pinned today',
      ],
    ],
    files: [
      ['shegong files 照片.jpg', 'checks a file, role from its name'],
      ['shegong files IMG_0001.jpg --as 照片', 'names the role (photo, id-front …)'],
      ['shegong files ./材料 --format json -o 结果.json', 'checks a folder and saves JSON'],
    ],
    fix: [
      ['shegong fix 照片.jpg', 'writes 照片.fixed.jpg (a numbered name if it exists)'],
      ['shegong fix IMG_0001.jpg --as 照片 -o 合规照片.jpg', 'names the role and the output file'],
      ['shegong fix 身份证.jpg -o ./修复/ --force', 'writes into a folder, overwriting'],
    ],
    dates: [
      ['shegong dates', 'this cycle’s key dates with countdowns'],
      ['shegong dates --province 广东 --level 中级', 'the province’s window and the level’s papers'],
      ['shegong dates --ics 社工考试.ics', 'exports a calendar for a phone'],
      ['shegong dates --format md -o 日期.md', 'saves Markdown'],
    ],
    ui: [
      ['shegong ui', 'open the local page (in your default browser)'],
      ['shegong ui --no-open', 'only print the address'],
      ['shegong ui --batch ./results', 'counsellors: browse a batch output folder'],
    ],
    demo: [
      ['shegong demo', 'the sample candidate’s checklist'],
      ['shegong demo --format html -o 示例.html', 'the sample as a web page'],
    ],
  },
  titles: {
    'Usage:': 'Usage:',
    'Options:': 'Options:',
    'Commands:': 'Commands:',
    'Arguments:': 'Arguments:',
    'Global Options:': 'Global options:',
  },
  commander: {
    unknownOption: (name) => `Unknown option ${qEn(name)}.`,
    unknownCommand: (name) => `Unknown command ${qEn(name)}.`,
    missingArgument: (name) => `Missing ${qEn(`<${name}>`)}: give it after the command.`,
    optionArgumentMissing: (name) => `Option ${qEn(name)} needs a value after it.`,
    tooManyArguments: (command, expected, got) =>
      `Too many arguments${command ? ` for ${qEn(command)}` : ''}: expected ${expected}, got ${got}.`,
    unknownProfileAction: (action) => `Unknown profile action ${qEn(action)}: use show, edit, reset or path.`,
    unknownDataAction: (action) => `Unknown data action ${qEn(action)}: use status, import FILE or update.`,
    dataImportNeedsFile: 'Missing the pack file: shegong data import FILE',
    didYouMean: (names) => ` Did you mean ${names.join(' or ')}?`,
    seeHelp: (command) => `See: shegong${command ? ` ${command}` : ''} --help`,
    seeUsage: 'See shegong --help',
  },
  usage: {
    educationCase: (value) =>
      `--education-case ${value}: abroad (overseas degree) | renamed (name or ID number changed)`,
    concurrency: (value) =>
      `--concurrency ${value}: applicants checked at once must be a whole number of 1 or more, e.g. --concurrency 2`,
  },
  interview: {
    sameProvince: '(same as the province above)',
  },
};

/** The shell's words in a language (zh-CN unless English was asked for). */
export const helpWords = (english: boolean): HelpWords => (english ? helpEn : helpZh);
