/**
 * Every command and flag in one place. Imports only commander: each action loads its own module
 * when it runs, so `--help`, `--version` and usage errors stay fast.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ExitCode } from './exit-codes.js';
import type { RawGlobalOptions } from './global-options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--lang en`, `--lang=EN`, `--lang english`: the help and commander's errors follow it. */
export const wantsEnglish = (argv: string[]): boolean =>
  argv.some((arg, i) =>
    /^(en|en-us|en-gb|english|英文|英语)$/i.test(
      (arg.startsWith('--lang=') ? arg.slice('--lang='.length) : arg === '--lang' ? argv[i + 1] : '') ?? '',
    ),
  );

/** Columns a string takes in a terminal: CJK and full-width forms take two (commander counts one). */
export function cjkWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(/\u001b\[[0-9;]*m/g, '')) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/** Wrap to a display width: a Chinese character may end a line anywhere, a Latin word is kept whole. */
export function wrapByWidth(text: string, width: number): string {
  if (width < 20) return text;
  // An opening bracket stays with the character after it, closing punctuation with the one before.
  const chunk =
    /\s*(?:[（「『“]?[\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef][）」』”、，。；：！？]*|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\uffef]+[）」』”、，。；：！？]*)/g;
  return text
    .split(/\r?\n/)
    .flatMap((line) => {
      const out: string[] = [];
      let current = '';
      for (const piece of line.match(chunk) ?? ['']) {
        if (current && cjkWidth(current + piece) > width) {
          out.push(current);
          current = piece.trimStart();
        } else current += piece;
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

/** The closest names within two edits (or sharing a prefix), as commander suggests for options. */
export function similar(word: string, names: string[]): string[] {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
    for (let i = 1; i <= a.length; i += 1)
      for (let j = 1; j <= b.length; j += 1)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const scored = names
    .map((name) => ({ name, d: distance(word.toLowerCase(), name) }))
    .filter(
      ({ name, d }) =>
        d <= Math.min(2, Math.floor(name.length / 2)) || (word.length > 2 && name.startsWith(word.toLowerCase())),
    );
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.name);
}

/** Commander's own English sentences → the user's language; the original only under --verbose. */
export function localizeCommanderError(text: string, english: boolean, verbose: boolean, command = ''): string {
  const original = text.trim();
  const [head = '', ...rest] = original.split('\n');
  const suggestion = rest.join(' ').match(/\(Did you mean (?:one of )?(.+)\?\)/)?.[1];
  const didYouMean = suggestion
    ? english
      ? ` Did you mean ${suggestion.split(', ').join(' or ')}?`
      : `你是不是想输入 ${suggestion.split(', ').join(' 或 ')}？`
    : '';
  const q = (name: string) => (english ? `'${name}'` : `“${name}”`);
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [
      /^error: unknown option '(.+)'$/,
      (m) => (english ? `Unknown option ${q(m[1]!)}.` : `没有 ${q(m[1]!)} 这个选项。`),
    ],
    [
      /^error: unknown command '(.+)'$/,
      (m) => (english ? `Unknown command ${q(m[1]!)}.` : `没有 ${q(m[1]!)} 这个命令。`),
    ],
    [
      /^error: missing required argument '(.+)'$/,
      (m) =>
        english ? `Missing ${q(`<${m[1]}>`)}: give it after the command.` : `缺少参数 <${m[1]}>：请写在命令后面。`,
    ],
    [
      /^error: option '(.+)' argument missing$/,
      (m) => (english ? `Option ${q(m[1]!)} needs a value after it.` : `选项 ${q(m[1]!)} 后面缺少取值。`),
    ],
    [
      /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (m) =>
        english
          ? `Too many arguments${m[1] ? ` for ${q(m[1])}` : ''}: expected ${m[2]}, got ${m[3]}.`
          : `${m[1] ? `${q(m[1])} ` : ''}多了参数：应有 ${m[2]} 个，实际给了 ${m[3]} 个。`,
    ],
    [
      /^error: unknown profile action '(.+)'$/,
      (m) =>
        english
          ? `Unknown profile action ${q(m[1]!)}: use show, edit, reset or path.`
          : `profile 没有 ${q(m[1]!)} 这个操作：可用 show（查看）、edit（修改）、reset（清除）、path（保存位置）。`,
    ],
  ];
  const match = rules.map(([re, words]) => [head.match(re), words] as const).find(([m]) => m);
  const sentence = match ? `${match[1](match[0]!)}${didYouMean}` : original;
  const help = english
    ? `See: shegong${command ? ` ${command}` : ''} --help`
    : `查看用法：shegong${command ? ` ${command}` : ''} --help`;
  return `${[sentence, help, ...(verbose && match ? [original] : [])].join('\n')}\n`;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Help text in the language asked for (zh-CN unless --lang en appears in argv). */
function texts(english: boolean) {
  const t = (zh: string, en: string) => (english ? en : zh);
  return {
    program: t(
      '社会工作者职业资格考试报名准备检查：资格、材料、关键日期、准备清单。全部在本机完成，不上传任何数据。',
      'Readiness checker for the national social worker qualification exam: eligibility, materials, key dates, checklist. Runs offline.',
    ),
    format: t('输出格式：text | json | md | html', 'output format: text | json | md | html'),
    output: t(
      '写入文件：报告（check、dates 等）；修复后的文件（fix）；输出文件夹（batch）',
      'write to a file: the report; the fixed copy (fix); the output folder (batch)',
    ),
    lang: t('语言：zh-CN（默认）| en', 'language: zh-CN (default) | en'),
    // issue 12: commander's own words and the examples under each command's help
    version: t('显示版本号', 'show the version number'),
    help: t('显示帮助', 'show help'),
    helpCommand: t('显示某个命令的帮助', 'show help for a command'),
    titles: english
      ? ({
          'Usage:': 'Usage:',
          'Options:': 'Options:',
          'Commands:': 'Commands:',
          'Arguments:': 'Arguments:',
          'Global Options:': 'Global options:',
        } as Record<string, string>)
      : ({
          'Usage:': '用法：',
          'Options:': '选项：',
          'Commands:': '命令：',
          'Arguments:': '参数：',
          'Global Options:': '通用选项：',
        } as Record<string, string>),
    examples: t('示例：', 'Examples:'),
    usageOptions: t('[选项]', '[options]'),
    usageCommand: t('[命令]', '[command]'),
    useProfile: t(
      '直接使用上次保存的回答（不提问）；命令行给出的回答优先',
      'use the saved answers without asking; flags given still win',
    ),
    force: t(
      '输出文件已存在时覆盖它（默认另取一个带编号的名字）',
      'overwrite an existing output file (default: a numbered name)',
    ),
    profileAction: t(
      'show（查看）| edit（修改）| reset（清除）| path（保存位置），默认 show',
      'show | edit | reset | path (default: show)',
    ),
    argRoster: t('花名册文件（.csv 或 .xlsx）', 'roster file (.csv or .xlsx)'),
    argPath: t('文件或文件夹，可多个', 'files or folders'),
    argFile: t('要修复的文件', 'the file to fix'),
    year: t('考试年度（默认：正在准备的那一年）', 'exam year (default: the one being prepared for)'),
    today: t('固定“今天”（YYYY-MM-DD，默认按北京时间）', 'pin "today" (YYYY-MM-DD; default: today in Asia/Shanghai)'),
    rules: t('规则覆盖文件（JSON，可重复）', 'rule override file (JSON, repeatable)'),
    noInput: t(
      '从不提问：缺少的回答按用法错误退出（码 2）',
      'never prompt; a missing answer is a usage error (exit 2)',
    ),
    verbose: t('显示计算明细、实测值与来源', 'show measured values, calculations and sources'),
    noColor: t('不使用颜色（也可设 NO_COLOR）', 'no colour (or set NO_COLOR)'),
    check: t('准备清单：资格判断 + 材料 + 日期（终端中会逐项提问）', 'the readiness checklist (asks in a terminal)'),
    level: t(
      '报考级别：assistant(助理) | intermediate(中级) | senior(高级)',
      'level: assistant | intermediate | senior',
    ),
    education: t(
      '学历：highschool(高中) secondary(中专) associate(大专) bachelor(本科) master(硕士) doctor(博士)',
      'education: highschool | secondary | associate | bachelor | master | doctor',
    ),
    major: t('专业：social-work(社会工作) | other(其他)', 'major: social-work | other'),
    graduated: t('取得学历的年月 YYYY-MM', 'month the education was obtained, YYYY-MM'),
    studyMode: t('学习形式：full-time(全日制) | part-time(非全日制)', 'study mode: full-time | part-time'),
    enrolled: t(
      '该学历全日制学习开始（入学）的年月 YYYY-MM：入学前的工作可计入年限',
      'month full-time study for --education began, YYYY-MM (work before it counts)',
    ),
    degree: t(
      '每个已取得或在读的学历 学历:专业:学习形式:入学..毕业，可重复，如 大专:社会工作:全日制:2012-09..2015-06',
      'every qualification held or being finished, LEVEL:MAJOR:MODE:YYYY-MM..YYYY-MM; repeatable, e.g. associate:social-work:full-time:2012-09..2015-06',
    ),
    work: t(
      '社会工作时段 YYYY-MM..YYYY-MM 或 YYYY-MM..（至今），可重复；没有写 none',
      'social-work period YYYY-MM..YYYY-MM or YYYY-MM.. (ongoing); repeatable; none',
    ),
    cert: t(
      '已有证书 assistant:YYYY-MM 或 intermediate:YYYY-MM，可重复',
      'certificate held, assistant:YYYY-MM or intermediate:YYYY-MM; repeatable',
    ),
    province: t('报考省份（如 广东 / guangdong）', 'province you register in'),
    hukou: t('户籍所在省份', 'province of your hukou'),
    educationCase: t(
      '学历无法在线核验的情形（可重复）：abroad(境外学历) | renamed(姓名或证件号码变更)',
      'why online education verification will fail (repeatable): abroad (overseas degree) | renamed (name or ID number changed)',
    ),
    rulesCommand: t('当前规则：每条规则的取值、来源与可信度', 'the active rules with values, sources and confidence'),
    profile: t('保存的回答：show | edit | reset | path', 'saved answers: show | edit | reset | path'),
    demo: t('用内置示例考生演示准备清单（无需输入）', 'the checklist for a bundled sample candidate (no input)'),
    files: t(
      '只检查上传文件（照片、身份证、学历、工作证明等）；可给文件夹',
      'validate upload files only (photo, ID, diploma, work proof …); folders allowed',
    ),
    as: t(
      '文件用途：photo | id-front | id-back | diploma | work-proof | social-security | residence-permit（默认按文件名判断）',
      'role: photo | id-front | id-back | diploma | work-proof | social-security | residence-permit (default: from the name)',
    ),
    fix: t(
      '生成合规副本（原文件不动，默认写在原文件旁：名字.fixed.jpg），并检查新文件',
      'write a compliant copy (the original is untouched; default <name>.fixed.jpg beside it), and check it',
    ),
    photo: t('报名照片文件', 'photo file'),
    idFront: t('身份证正面', 'ID card front'),
    idBack: t('身份证反面', 'ID card back'),
    diploma: t('学历证书或学信网报告（JPG/PDF）', 'diploma or CHSI report (JPG/PDF)'),
    workProof: t('工作年限证明', 'proof of work experience'),
    socialSecurity: t('社保缴费证明', 'social insurance record'),
    residencePermit: t('居住证', 'residence permit'),
    filesDir: t(
      '材料文件夹：按文件名找照片、身份证正面、学历……',
      'materials folder: files found by name (照片/photo, 身份证正面/id-front …)',
    ),
    checkFix: t(
      '为有问题的文件生成合规副本（写在原文件旁，带 .fixed）',
      'write compliant copies of fixable files beside the originals (.fixed)',
    ),
    batch: t(
      '批量检查花名册（CSV/GBK/xlsx）：每人的资格、材料与报告',
      'check a whole roster (CSV, GBK, xlsx): eligibility, materials and reports per applicant',
    ),
    materials: t(
      '材料目录：每人一个文件夹（按材料目录列、姓名或身份证后 6 位）；不给则只检查资格',
      'materials folder: one subfolder per applicant (folder column, name or last 6 ID digits); without it, eligibility only',
    ),
    batchDefault: t(
      '。回答参数（--level、--province 等，与 check 相同）用于花名册中没有此列或为空的行，花名册的值优先',
      '. Answer flags (--level, --province …, as for check) fill rows whose column is missing or empty; the roster wins',
    ),
    sheet: t('xlsx 的工作表（名称或序号，默认第一个）', 'xlsx sheet (name or number; default the first)'),
    concurrency: t('同时检查的人数（默认按 CPU 核数）', 'applicants checked at once (default: number of cores)'),
    batchFix: t('把可修复的文件修复到 输出目录/fixed/<考生>/', 'write fixed copies to OUTPUT/fixed/<applicant>/'),
    dates: t(
      '关键日期与倒计时（已公布的用官方日期，其余按往年规律预估）',
      'key dates with countdowns (published where known, else estimated)',
    ),
    ics: t('导出日历文件（.ics，可导入手机日历）', 'export a calendar file (.ics) for your phone'),
    // issue 12: one example per option a command uses
    example: {
      check: [
        ['shegong', t('在终端里逐项提问，然后显示准备清单', 'asks question by question, then shows the checklist')],
        [
          'shegong --format html -o 清单.html',
          t('提问后把清单存成网页，可打印', 'asks, then saves the checklist as a printable page'),
        ],
        ['shegong --use-profile -o 清单.txt', t('用上次保存的回答，不再提问', 'uses the saved answers without asking')],
        [
          'shegong --level 助理 --education 本科 --major 其他 --graduated 2023-06 --study-mode 全日制 --work 2023-07.. --province 广东',
          t('不提问，全部用选项给出', 'no questions: every answer as a flag'),
        ],
        [
          'shegong --files ./材料 --fix',
          t('同时检查材料文件夹，并为可修复的文件生成副本', 'also checks a materials folder and writes fixed copies'),
        ],
        [
          'shegong --year 2027 --today 2026-12-01 --lang en',
          t('指定年度、今天和语言', 'pins the year, today and the language'),
        ],
      ],
      rules: [
        ['shegong rules', t('列出全部规则与来源', 'lists every rule with its source')],
        ['shegong rules --format json -o 规则.json', t('存为 JSON', 'saves them as JSON')],
        ['shegong rules --rules 本省.json', t('看覆盖后的规则', 'shows the rules after an override')],
      ],
      profile: [
        ['shegong profile', t('查看保存的回答', 'shows the saved answers')],
        [
          'shegong profile edit',
          t('重新回答，上次的回答作为默认值', 'answers again with the saved answers as defaults'),
        ],
        ['shegong profile reset', t('清除保存的回答', 'deletes the saved answers')],
      ],
      batch: [
        [
          'shegong batch 花名册.xlsx --materials ./材料 --output ./结果',
          t('每人一个材料文件夹，结果写入 ./结果', 'one materials folder per applicant; results in ./结果'),
        ],
        [
          'shegong batch 花名册.csv --materials ./材料 -o ./结果 --fix --concurrency 2',
          t('同时修复可修复的文件，两人并行', 'also writes fixed copies, two applicants at a time'),
        ],
        [
          'shegong batch 花名册.xlsx --sheet 2 --materials ./材料 -o ./结果 --today 2026-12-01',
          t('第二个工作表，指定今天', 'the second sheet, with a pinned today'),
        ],
      ],
      files: [
        ['shegong files 照片.jpg', t('按文件名判断用途并检查', 'checks a file, role from its name')],
        [
          'shegong files IMG_0001.jpg --as 照片',
          t('指定用途（照片、身份证正面……）', 'names the role (photo, id-front …)'),
        ],
        [
          'shegong files ./材料 --format json -o 结果.json',
          t('检查整个文件夹并存为 JSON', 'checks a folder and saves JSON'),
        ],
      ],
      fix: [
        [
          'shegong fix 照片.jpg',
          t('写出 照片.fixed.jpg（已存在则另取编号名）', 'writes 照片.fixed.jpg (a numbered name if it exists)'),
        ],
        [
          'shegong fix IMG_0001.jpg --as 照片 -o 合规照片.jpg',
          t('指定用途和输出文件', 'names the role and the output file'),
        ],
        [
          'shegong fix 身份证.jpg -o ./修复/ --force',
          t('写入文件夹，覆盖同名文件', 'writes into a folder, overwriting'),
        ],
      ],
      dates: [
        ['shegong dates', t('今年的关键日期与倒计时', 'this cycle’s key dates with countdowns')],
        [
          'shegong dates --province 广东 --level 中级',
          t('该省的报名时间和该级别的科目时间', 'the province’s window and the level’s papers'),
        ],
        ['shegong dates --ics 社工考试.ics', t('导出日历，导入手机', 'exports a calendar for a phone')],
        ['shegong dates --format md -o 日期.md', t('存为 Markdown', 'saves Markdown')],
      ],
      demo: [
        ['shegong demo', t('示例考生的准备清单', 'the sample candidate’s checklist')],
        ['shegong demo --format html -o 示例.html', t('示例清单网页', 'the sample as a web page')],
      ],
    } as Record<string, [string, string][]>,
  };
}

export interface CommandHandlers {
  check(flags: Record<string, unknown>, globals: RawGlobalOptions): Promise<ExitCode>;
  rules(globals: RawGlobalOptions): Promise<ExitCode>;
  profile(action: string, globals: RawGlobalOptions): Promise<ExitCode>;
  demo(globals: RawGlobalOptions): Promise<ExitCode>;
  dates(flags: Record<string, unknown>, globals: RawGlobalOptions): Promise<ExitCode>;
  batch(roster: string, flags: Record<string, unknown>, globals: RawGlobalOptions): Promise<ExitCode>;
  files(paths: string[], flags: Record<string, unknown>, globals: RawGlobalOptions): Promise<ExitCode>;
  fix(file: string, flags: Record<string, unknown>, globals: RawGlobalOptions): Promise<ExitCode>;
}

/**
 * For fix and batch, --output names what the command writes (a file or a folder), not where the
 * report goes: take it out of the globals, and require it.
 */
async function requireOutput(
  globals: RawGlobalOptions,
  usage: string,
): Promise<{ output: string; rest: RawGlobalOptions }> {
  const { output, ...rest } = globals;
  if (!output) {
    const { UserError } = await import('../errors.js');
    throw new UserError('error.output-required', { usage });
  }
  return { output, rest };
}

/** Lazy handlers: each imports its command module only when that command runs. */
export const lazyHandlers: CommandHandlers = {
  async check(flags, globals) {
    const [{ runCheck }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/check.js'),
      import('./global-options.js'),
    ]);
    return runCheck(flags, resolveGlobalOptions(globals, ['text', 'json', 'md', 'html']));
  },
  async rules(globals) {
    const [{ runRules }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/rules.js'),
      import('./global-options.js'),
    ]);
    return runRules(resolveGlobalOptions(globals, ['text', 'json']));
  },
  async profile(action, globals) {
    const [{ runProfile }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/profile.js'),
      import('./global-options.js'),
    ]);
    return runProfile(action as 'show', resolveGlobalOptions(globals, ['text', 'json']));
  },
  async dates(flags, globals) {
    const [{ runDates }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/dates.js'),
      import('./global-options.js'),
    ]);
    return runDates(flags, resolveGlobalOptions(globals, ['text', 'json', 'md']));
  },
  async batch(roster, flags, globals) {
    const [{ runBatch }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/batch.js'),
      import('./global-options.js'),
    ]);
    const { output, rest } = await requireOutput(
      globals,
      'shegong batch <roster.csv|roster.xlsx> --materials <dir> --output <dir>',
    );
    return runBatch(roster, { ...(flags as object), output }, resolveGlobalOptions(rest, ['text']));
  },
  async files(paths, flags, globals) {
    const [{ runFiles }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/files.js'),
      import('./global-options.js'),
    ]);
    return runFiles(paths, flags as { as?: string }, resolveGlobalOptions(globals, ['text', 'json']));
  },
  async fix(file, flags, globals) {
    const [{ runFix }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/fix.js'),
      import('./global-options.js'),
    ]);
    // --output names the fixed copy; without it the copy goes beside the original (issue 12).
    const { output, ...rest } = globals;
    return runFix(
      file,
      { ...(flags as { as?: string; force?: boolean }), ...(output ? { output } : {}) },
      resolveGlobalOptions(rest, ['text', 'json']),
    );
  },
  async demo(globals) {
    const [{ runDemo }, { resolveGlobalOptions }] = await Promise.all([
      import('./commands/demo.js'),
      import('./global-options.js'),
    ]);
    return runDemo(resolveGlobalOptions(globals, ['text', 'json', 'md', 'html']));
  },
};

/** The candidate's answers as flags: check takes them, batch takes them as defaults for empty columns. */
function answerOptions(command: Command, t: ReturnType<typeof texts>): Command {
  return command
    .option('--level <level>', t.level)
    .option('--education <education>', t.education)
    .option('--major <major>', t.major)
    .option('--graduated <YYYY-MM>', t.graduated)
    .option('--study-mode <mode>', t.studyMode)
    .option('--enrolled <YYYY-MM>', t.enrolled)
    .option('--degree <spec>', t.degree, collect)
    .option('--work <period>', t.work, collect)
    .option('--cert <level:YYYY-MM>', t.cert, collect)
    .option('--province <province>', t.province)
    .option('--hukou <province>', t.hukou);
}

export function buildProgram(argv: string[], handlers: CommandHandlers = lazyHandlers) {
  const english = wantsEnglish(argv);
  const verbose = argv.includes('--verbose');
  const t = texts(english);
  let result: ExitCode | undefined;
  const program = new Command('shegong');
  // Set before any subcommand is made, so every command inherits them (issue 12).
  const output = (name: string) => ({
    writeErr: (text: string) => process.stderr.write(text),
    outputError: (text: string, write: (s: string) => void) =>
      write(localizeCommanderError(text, english, verbose, name)),
  });
  program
    .configureHelp({
      styleTitle: (title) => t.titles[title] ?? title,
      displayWidth: cjkWidth,
      boxWrap: wrapByWidth,
      styleUsage: (usage) => usage.replace('[options]', t.usageOptions).replace('[command]', t.usageCommand),
      showGlobalOptions: true,
      sortSubcommands: false,
    })
    .helpOption('-h, --help', t.help)
    .helpCommand('help [command]', t.helpCommand)
    .configureOutput(output(''))
    .description(t.program)
    .version(packageVersion(), '-V, --version', t.version)
    .option('--format <format>', t.format)
    .option('-o, --output <file>', t.output)
    .option('--lang <lang>', t.lang)
    .option('--year <YYYY>', t.year)
    .option('--today <YYYY-MM-DD>', t.today)
    .option('--rules <file>', t.rules, collect)
    .option('--no-input', t.noInput)
    .option('--verbose', t.verbose)
    .option('--no-color', t.noColor)
    .showSuggestionAfterError()
    .exitOverride();

  const check = answerOptions(program.command('check', { isDefault: true }).description(t.check), t)
    .option('--education-case <case>', t.educationCase, collect)
    .option('--photo <file>', t.photo)
    .option('--id-front <file>', t.idFront)
    .option('--id-back <file>', t.idBack)
    .option('--diploma <file>', t.diploma)
    .option('--work-proof <file>', t.workProof)
    .option('--social-security <file>', t.socialSecurity)
    .option('--residence-permit <file>', t.residencePermit)
    .option('--files <dir>', t.filesDir)
    .option('--fix', t.checkFix)
    .option('--use-profile', t.useProfile)
    .action(async (flags: Record<string, unknown>, command: Command) => {
      result = await handlers.check(flags, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('rules')
    .description(t.rulesCommand)
    .action(async (_flags: unknown, command: Command) => {
      result = await handlers.rules(command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('profile')
    .description(t.profile)
    .argument('[action]', t.profileAction)
    .action(async (action: string | undefined, _flags: unknown, command: Command) => {
      const chosen = action ?? 'show';
      if (!['show', 'edit', 'reset', 'path'].includes(chosen))
        command.error(`error: unknown profile action '${chosen}'`, { exitCode: 2, code: 'commander.invalidArgument' });
      result = await handlers.profile(chosen, command.optsWithGlobals() as RawGlobalOptions);
    });

  // issue 10: every answer flag of check, for rows whose column is missing or empty (the roster wins).
  answerOptions(
    program
      .command('batch')
      .description(`${t.batch}${t.batchDefault}`)
      .argument('<roster>', t.argRoster)
      .option('--materials <dir>', t.materials)
      .option('--sheet <sheet>', t.sheet)
      .option('--concurrency <n>', t.concurrency)
      .option('--fix', t.batchFix),
    t,
  ).action(async (roster: string, flags: Record<string, unknown>, command: Command) => {
    result = await handlers.batch(roster, flags, command.optsWithGlobals() as RawGlobalOptions);
  });

  program
    .command('files')
    .description(t.files)
    .argument('<path...>', t.argPath)
    .option('--as <role>', t.as)
    .action(async (paths: string[], flags: Record<string, unknown>, command: Command) => {
      result = await handlers.files(paths, flags, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('fix')
    .description(t.fix)
    .argument('<file>', t.argFile)
    .option('--as <role>', t.as)
    .option('--force', t.force)
    .action(async (file: string, flags: Record<string, unknown>, command: Command) => {
      result = await handlers.fix(file, flags, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('dates')
    .description(t.dates)
    .option('--province <province>', t.province)
    .option('--level <level>', t.level)
    .option('--ics <file>', t.ics)
    .action(async (flags: Record<string, unknown>, command: Command) => {
      result = await handlers.dates(flags, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('demo')
    .description(t.demo)
    .action(async (_flags: unknown, command: Command) => {
      result = await handlers.demo(command.optsWithGlobals() as RawGlobalOptions);
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput(output(command.name() === 'check' ? '' : command.name()));
    const lines = t.example[command.name()];
    if (lines) {
      const width = Math.max(...lines.map(([example]) => cjkWidth(example)));
      const fits = width + 4 <= (process.stdout.columns || 80) - 20;
      command.addHelpText(
        'after',
        `\n${t.examples}\n${lines.map(([example, what]) => (fits ? `  ${example}${' '.repeat(width - cjkWidth(example) + 2)}${what}` : `  ${example}\n      ${what}`)).join('\n')}\n`,
      );
    }
  }
  // `shegong date` lands on the default command as an extra operand: say it is an unknown
  // command and suggest the nearest (commander would say "too many arguments for 'check'").
  const names = program.commands.map((c) => c.name());
  (check as unknown as { _excessArguments(args: string[]): void })._excessArguments = (args: string[]) => {
    const near = similar(args[0] ?? '', names);
    check.error(
      `error: unknown command '${args[0]}'${near.length ? `\n(Did you mean ${near.length > 1 ? 'one of ' : ''}${near.join(', ')}?)` : ''}`,
      { code: 'commander.unknownCommand', exitCode: 2 },
    );
  };

  return {
    program,
    async run(): Promise<ExitCode | undefined> {
      await program.parseAsync(argv, { from: 'user' });
      return result;
    },
  };
}
