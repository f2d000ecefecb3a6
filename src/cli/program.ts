/**
 * Every command and flag in one place. Imports only commander: each action loads its own module
 * when it runs, so `--help`, `--version` and usage errors stay fast.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ExitCode } from './exit-codes.js';
import type { RawGlobalOptions } from './global-options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

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
    output: t('把报告写入文件（原子写入）', 'write the report to a file (atomic)'),
    lang: t('语言：zh-CN（默认）| en', 'language: zh-CN (default) | en'),
    year: t('考试年度（默认：正在准备的那一年）', 'exam year (default: the one being prepared for)'),
    today: t('固定“今天”（YYYY-MM-DD，默认按北京时间）', 'pin "today" (YYYY-MM-DD; default: today in Asia/Shanghai)'),
    rules: t('规则覆盖文件（JSON，可重复）', 'rule override file (JSON, repeatable)'),
    noInput: t('从不提问：缺少的回答按用法错误退出（码 2）', 'never prompt; a missing answer is a usage error (exit 2)'),
    verbose: t('显示计算明细、实测值与来源', 'show measured values, calculations and sources'),
    noColor: t('不使用颜色（也可设 NO_COLOR）', 'no colour (or set NO_COLOR)'),
    check: t('准备清单：资格判断 + 材料 + 日期（终端中会逐项提问）', 'the readiness checklist (asks in a terminal)'),
    level: t('报考级别：assistant(助理) | intermediate(中级) | senior(高级)', 'level: assistant | intermediate | senior'),
    education: t('学历：highschool(高中) secondary(中专) associate(大专) bachelor(本科) master(硕士) doctor(博士)', 'education: highschool | secondary | associate | bachelor | master | doctor'),
    major: t('专业：social-work(社会工作) | other(其他)', 'major: social-work | other'),
    graduated: t('取得学历的年月 YYYY-MM', 'month the education was obtained, YYYY-MM'),
    studyMode: t('学习形式：full-time(全日制) | part-time(非全日制)', 'study mode: full-time | part-time'),
    enrolled: t('该学历全日制学习开始（入学）的年月 YYYY-MM：入学前的工作可计入年限', 'month full-time study for --education began, YYYY-MM (work before it counts)'),
    degree: t(
      '每个已取得或在读的学历 学历:专业:学习形式:入学..毕业，可重复，如 大专:社会工作:全日制:2012-09..2015-06',
      'every qualification held or being finished, LEVEL:MAJOR:MODE:YYYY-MM..YYYY-MM; repeatable, e.g. associate:social-work:full-time:2012-09..2015-06',
    ),
    work: t('社会工作时段 YYYY-MM..YYYY-MM 或 YYYY-MM..（至今），可重复；没有写 none', 'social-work period YYYY-MM..YYYY-MM or YYYY-MM.. (ongoing); repeatable; none'),
    cert: t('已有证书 assistant:YYYY-MM 或 intermediate:YYYY-MM，可重复', 'certificate held, assistant:YYYY-MM or intermediate:YYYY-MM; repeatable'),
    province: t('报考省份（如 广东 / guangdong）', 'province you register in'),
    hukou: t('户籍所在省份', 'province of your hukou'),
    rulesCommand: t('当前规则：每条规则的取值、来源与可信度', 'the active rules with values, sources and confidence'),
    profile: t('保存的回答：show | reset | path', 'saved answers: show | reset | path'),
    demo: t('用内置示例考生演示准备清单（无需输入）', 'the checklist for a bundled sample candidate (no input)'),
    files: t('只检查上传文件（照片、身份证、学历、工作证明等）；可给文件夹', 'validate upload files only (photo, ID, diploma, work proof …); folders allowed'),
    as: t('文件用途：photo | id-front | id-back | diploma | work-proof | social-security | residence-permit（默认按文件名判断）', 'role: photo | id-front | id-back | diploma | work-proof | social-security | residence-permit (default: from the name)'),
    fix: t('生成合规副本（原文件不动），并检查新文件；--output 指定输出文件或文件夹', 'write a compliant copy (the original is untouched) to --output <file|dir>, and check it'),
    // issue 15
    force: t('允许覆盖 --output 处已有的文件（原文件仍不会被覆盖）', 'allow replacing an existing file at --output (never the original)'),
    photo: t('报名照片文件', 'photo file'),
    idFront: t('身份证正面', 'ID card front'),
    idBack: t('身份证反面', 'ID card back'),
    diploma: t('学历证书或学信网报告（JPG/PDF）', 'diploma or CHSI report (JPG/PDF)'),
    workProof: t('工作年限证明', 'proof of work experience'),
    socialSecurity: t('社保缴费证明', 'social insurance record'),
    residencePermit: t('居住证', 'residence permit'),
    filesDir: t('材料文件夹：按文件名找照片、身份证正面、学历……', 'materials folder: files found by name (照片/photo, 身份证正面/id-front …)'),
    checkFix: t('为有问题的文件生成合规副本（写在原文件旁，带 .fixed）', 'write compliant copies of fixable files beside the originals (.fixed)'),
    batch: t('批量检查花名册（CSV/GBK/xlsx）：每人的资格、材料与报告', 'check a whole roster (CSV, GBK, xlsx): eligibility, materials and reports per applicant'),
    materials: t('材料目录：每人一个文件夹（按材料目录列、姓名或身份证后 6 位）；不给则只检查资格', 'materials folder: one subfolder per applicant (folder column, name or last 6 ID digits); without it, eligibility only'),
    batchDefault: t(
      '。回答参数（--level、--province 等，与 check 相同）用于花名册中没有此列或为空的行，花名册的值优先',
      '. Answer flags (--level, --province …, as for check) fill rows whose column is missing or empty; the roster wins',
    ),
    sheet: t('xlsx 的工作表（名称或序号，默认第一个）', 'xlsx sheet (name or number; default the first)'),
    concurrency: t('同时检查的人数（默认按 CPU 核数）', 'applicants checked at once (default: number of cores)'),
    batchFix: t('把可修复的文件修复到 输出目录/fixed/<考生>/', 'write fixed copies to OUTPUT/fixed/<applicant>/'),
    dates: t('关键日期与倒计时（已公布的用官方日期，其余按往年规律预估）', 'key dates with countdowns (published where known, else estimated)'),
    ics: t('导出日历文件（.ics，可导入手机日历）', 'export a calendar file (.ics) for your phone'),
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
async function requireOutput(globals: RawGlobalOptions, usage: string): Promise<{ output: string; rest: RawGlobalOptions }> {
  const { output, ...rest } = globals;
  if (!output) {
    const { UserError } = await import('../errors.js');
    throw new UserError('error.usage', {}, [usage]);
  }
  return { output, rest };
}

/** Lazy handlers: each imports its command module only when that command runs. */
export const lazyHandlers: CommandHandlers = {
  async check(flags, globals) {
    const [{ runCheck }, { resolveGlobalOptions }] = await Promise.all([import('./commands/check.js'), import('./global-options.js')]);
    return runCheck(flags, resolveGlobalOptions(globals, ['text', 'json', 'md', 'html']));
  },
  async rules(globals) {
    const [{ runRules }, { resolveGlobalOptions }] = await Promise.all([import('./commands/rules.js'), import('./global-options.js')]);
    return runRules(resolveGlobalOptions(globals, ['text', 'json']));
  },
  async profile(action, globals) {
    const [{ runProfile }, { resolveGlobalOptions }] = await Promise.all([import('./commands/profile.js'), import('./global-options.js')]);
    return runProfile(action as 'show', resolveGlobalOptions(globals, ['text', 'json']));
  },
  async dates(flags, globals) {
    const [{ runDates }, { resolveGlobalOptions }] = await Promise.all([import('./commands/dates.js'), import('./global-options.js')]);
    return runDates(flags, resolveGlobalOptions(globals, ['text', 'json', 'md']));
  },
  async batch(roster, flags, globals) {
    const [{ runBatch }, { resolveGlobalOptions }] = await Promise.all([import('./commands/batch.js'), import('./global-options.js')]);
    const { output, rest } = await requireOutput(globals, 'shegong batch <roster.csv|roster.xlsx> --materials <dir> --output <dir>');
    return runBatch(roster, { ...(flags as object), output }, resolveGlobalOptions(rest, ['text']));
  },
  async files(paths, flags, globals) {
    const [{ runFiles }, { resolveGlobalOptions }] = await Promise.all([import('./commands/files.js'), import('./global-options.js')]);
    return runFiles(paths, flags as { as?: string }, resolveGlobalOptions(globals, ['text', 'json']));
  },
  async fix(file, flags, globals) {
    const [{ runFix }, { resolveGlobalOptions }] = await Promise.all([import('./commands/fix.js'), import('./global-options.js')]);
    const { output, rest } = await requireOutput(globals, 'shegong fix <file> --as <role> --output <file|dir>');
    return runFix(file, { ...(flags as { as?: string }), output }, resolveGlobalOptions(rest, ['text', 'json']));
  },
  async demo(globals) {
    const [{ runDemo }, { resolveGlobalOptions }] = await Promise.all([import('./commands/demo.js'), import('./global-options.js')]);
    return runDemo(resolveGlobalOptions(globals, ['text', 'json', 'md', 'html']));
  },
};

export function buildProgram(argv: string[], handlers: CommandHandlers = lazyHandlers) {
  const english = argv.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en'));
  const t = texts(english);
  let result: ExitCode | undefined;
  const program = new Command('shegong')
    .description(t.program)
    .version(packageVersion(), '-V, --version')
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
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('check', { isDefault: true })
    .description(t.check)
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
    .option('--hukou <province>', t.hukou)
    .option('--photo <file>', t.photo)
    .option('--id-front <file>', t.idFront)
    .option('--id-back <file>', t.idBack)
    .option('--diploma <file>', t.diploma)
    .option('--work-proof <file>', t.workProof)
    .option('--social-security <file>', t.socialSecurity)
    .option('--residence-permit <file>', t.residencePermit)
    .option('--files <dir>', t.filesDir)
    .option('--fix', t.checkFix)
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
    .argument('[action]', 'show | reset | path', 'show')
    .action(async (action: string, _flags: unknown, command: Command) => {
      if (!['show', 'reset', 'path'].includes(action)) program.error(`error: unknown profile action '${action}' (show | reset | path)`, { exitCode: 2 });
      result = await handlers.profile(action, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('batch')
    .description(`${t.batch}${t.batchDefault}`)
    .argument('<roster>')
    .option('--materials <dir>', t.materials)
    .option('--sheet <sheet>', t.sheet)
    .option('--concurrency <n>', t.concurrency)
    .option('--fix', t.batchFix)
    // issue 10: every answer flag of check, for rows whose column is missing or empty (the roster wins).
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
    .option('--hukou <province>', t.hukou)
    .action(async (roster: string, flags: Record<string, unknown>, command: Command) => {
      result = await handlers.batch(roster, flags, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('files')
    .description(t.files)
    .argument('<path...>')
    .option('--as <role>', t.as)
    .action(async (paths: string[], flags: Record<string, unknown>, command: Command) => {
      result = await handlers.files(paths, flags, command.optsWithGlobals() as RawGlobalOptions);
    });

  program
    .command('fix')
    .description(t.fix)
    .argument('<file>')
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

  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) });

  return {
    program,
    async run(): Promise<ExitCode | undefined> {
      await program.parseAsync(argv, { from: 'user' });
      return result;
    },
  };
}
