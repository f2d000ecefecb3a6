/**
 * Words about the data packs: the provenance line every report carries, `shegong data`, the
 * stale-data notice, and why a pack was refused. Spread into both catalogues.
 */
type A = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const dayZh = (iso: unknown) => {
  const [y, m, d] = s(iso).split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : s(iso);
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayEn = (iso: unknown) => {
  const [y, m, d] = s(iso).split('-').map(Number);
  return y && m && d ? `${d} ${MONTHS_EN[m - 1]} ${y}` : s(iso);
};

/** The facts behind a provenance line. */
export interface ProvenanceArgs {
  version: string;
  origin: string;
  checked: string;
  year: number;
  published: number;
  estimated: number;
  overrides: string[];
}

export interface DataWords {
  origin: Record<string, string>;
  provenance: (a: ProvenanceArgs) => string;
  /** The pack alone (batch summaries, where each applicant's report has its own dates). */
  packLine: (a: A) => string;
  overridden: (files: string[]) => string;
  dateStatus: (estimated: boolean, source: string) => string;
  staleNotice: (a: A) => string;
  statusLines: (a: A) => string[];
  imported: (a: A) => string;
  alreadyInstalled: (a: A) => string;
  updateFetched: (a: A) => string;
}

export const dataWordsZh: DataWords = {
  origin: { bundled: '内置', imported: '已导入' },
  provenance: (a) =>
    `数据：规则包 ${a.version}（${dataWordsZh.origin[a.origin] ?? a.origin}），${dayZh(a.checked)} 对照官方通知核对；${a.year} 年度日期：已公布 ${a.published} 项，预估 ${a.estimated} 项（预估 = 尚无官方通知）${a.overrides.length ? `；${dataWordsZh.overridden(a.overrides)}` : ''}`,
  packLine: (a) =>
    `数据：规则包 ${s(a.version)}（${dataWordsZh.origin[s(a.origin)] ?? s(a.origin)}），${dayZh(a.checked)} 对照官方通知核对；官方日期到 ${s(a.published)} 年度，之后的日期为预估${Array.isArray(a.overrides) && a.overrides.length ? `；${dataWordsZh.overridden(a.overrides as string[])}` : ''}`,
  overridden: (files) => `已用 --rules ${files.join('、')} 覆盖部分规则（本地修改，不是官方数据）`,
  dateStatus: (estimated, source) => (estimated ? '预估：尚无官方通知' : `已公布：${source}`),
  staleNotice: (a) =>
    `提示：正在使用的规则包 ${s(a.version)} 已是 ${s(a.days)} 天前核对的，只有 ${s(a.published)} 年及以前的官方日期，${s(a.year)} 年度的日期都是预估。运行 shegong data update（或 shegong data import 文件）取得新数据；设置 SHEGONG_NO_DATA_NOTICE=1 可关闭本提示`,
  statusLines: (a) => [
    `正在使用：规则包 ${s(a.version)}（${dataWordsZh.origin[s(a.origin)] ?? s(a.origin)}）`,
    `核对日期：${dayZh(a.checked)}（${Number(a.days) < 0 ? '晚于今天：请检查 --today 或系统日期' : `${s(a.days)} 天前`}）`,
    `覆盖：${s(a.examYear)} 年度；已有官方日期到 ${s(a.published)} 年度，之后的日期为预估`,
    `有效期至：${dayZh(a.expires)}${a.expired ? '（已过期，请更新）' : ''}`,
    `内置规则包：${s(a.bundled)}`,
    a.installedVersion
      ? `已导入的规则包：${s(a.installedVersion)}（${s(a.installedFile)}）${a.installedOlder ? '，比内置的旧，未使用' : ''}`
      : a.installedProblem
        ? `已导入的规则包 ${s(a.installedFile)} 无法使用：${s(a.installedProblem)}；正在使用内置数据`
        : '已导入的规则包：无',
    '更新：shegong data update（从 npm 取得最新发布的规则包），或 shegong data import 文件',
  ],
  imported: (a) =>
    `已安装规则包 ${s(a.version)}（${dayZh(a.checked)} 核对，覆盖 ${s(a.examYear)} 年度），替换 ${s(a.previous)}；保存在 ${s(a.file)}`,
  alreadyInstalled: (a) => `规则包 ${s(a.version)} 已在使用，无需更新`,
  updateFetched: (a) => `已从 ${s(a.registry)} 取得 shegong ${s(a.packageVersion)} 中的规则包 ${s(a.version)}`,
};

export const dataWordsEn: DataWords = {
  origin: { bundled: 'bundled', imported: 'imported' },
  provenance: (a) =>
    `Data: rule pack ${a.version} (${dataWordsEn.origin[a.origin] ?? a.origin}), checked against the official notices on ${dayEn(a.checked)}; ${a.year} dates: ${a.published} published, ${a.estimated} estimated (estimated = no official notice yet)${a.overrides.length ? `; ${dataWordsEn.overridden(a.overrides)}` : ''}`,
  packLine: (a) =>
    `Data: rule pack ${s(a.version)} (${dataWordsEn.origin[s(a.origin)] ?? s(a.origin)}), checked against the official notices on ${dayEn(a.checked)}; official dates up to ${s(a.published)}, later dates are estimates${Array.isArray(a.overrides) && a.overrides.length ? `; ${dataWordsEn.overridden(a.overrides as string[])}` : ''}`,
  overridden: (files) => `some rules overridden by --rules ${files.join(', ')} (local changes, not official data)`,
  dateStatus: (estimated, source) => (estimated ? 'estimated: no official notice yet' : `published: ${source}`),
  staleNotice: (a) =>
    `Note: rule pack ${s(a.version)} was checked ${s(a.days)} days ago and has official dates only up to ${s(a.published)}; every ${s(a.year)} date is an estimate. Run shegong data update (or shegong data import FILE) for newer data; set SHEGONG_NO_DATA_NOTICE=1 to silence this note`,
  statusLines: (a) => [
    `In use: rule pack ${s(a.version)} (${dataWordsEn.origin[s(a.origin)] ?? s(a.origin)})`,
    `Checked: ${dayEn(a.checked)} (${Number(a.days) < 0 ? 'after today: check --today or the system date' : `${s(a.days)} days ago`})`,
    `Covers: the ${s(a.examYear)} exam; official dates up to ${s(a.published)}, later dates are estimates`,
    `Expires: ${dayEn(a.expires)}${a.expired ? ' (expired: please update)' : ''}`,
    `Bundled pack: ${s(a.bundled)}`,
    a.installedVersion
      ? `Imported pack: ${s(a.installedVersion)} (${s(a.installedFile)})${a.installedOlder ? ', older than the bundled one, not used' : ''}`
      : a.installedProblem
        ? `The imported pack ${s(a.installedFile)} cannot be used: ${s(a.installedProblem)}; using the bundled data`
        : 'Imported pack: none',
    'Update: shegong data update (the newest pack published on npm), or shegong data import FILE',
  ],
  imported: (a) =>
    `Installed rule pack ${s(a.version)} (checked ${dayEn(a.checked)}, covers ${s(a.examYear)}), replacing ${s(a.previous)}; saved in ${s(a.file)}`,
  alreadyInstalled: (a) => `Rule pack ${s(a.version)} is already in use; nothing to update`,
  updateFetched: (a) => `Fetched rule pack ${s(a.version)} from shegong ${s(a.packageVersion)} on ${s(a.registry)}`,
};

const NETWORK_ZH: Record<string, string> = {
  ECONNREFUSED: '服务器拒绝连接',
  ENOTFOUND: '找不到服务器（没有联网，或地址不对）',
  EAI_AGAIN: '暂时无法解析服务器地址（网络不通）',
  ECONNRESET: '连接被中断',
  ETIMEDOUT: '连接超时',
  ENETUNREACH: '网络不可达',
};

/** Why a pack was refused or could not be fetched (keys from packs/ and cli/fetch-pack.ts). */
export const packProblemsZh: Record<string, (a: A) => string> = {
  'pack.not-a-pack': () => '这不是 shegong 规则包文件（格式不对或已损坏）',
  'pack.untrusted-key': (a) => `签名所用的密钥 ${s(a.keyId)} 不是 shegong 维护者的密钥`,
  'pack.bad-signature': () => '签名与内容不符：文件在签名后被改动过或已损坏',
  'pack.manifest': (a) => `规则包说明（manifest）的 ${s(a.field)} 缺失或格式不对`,
  'pack.missing-file': (a) => `规则包缺少数据文件 ${s(a.file)}`,
  'pack.exam-year': (a) => `规则包声称覆盖 ${s(a.year)} 年度，与其日历（官方日期到 ${s(a.published)} 年度）不符`,
  'pack.outside-cycle': (a) =>
    `${s(a.where)}：${s(a.start)}–${s(a.end)} 不在该年度考试周期内（${s(a.first)}–${s(a.last)}）`,
  'pack.outside-national': (a) =>
    `${s(a.where)}：${s(a.start)}–${s(a.end)} 超出全国报名时间（${s(a.first)}–${s(a.last)}）`,
  'pack.unreadable': (a) => `无法读取（${s(a.reason)}）`,
  'update.timeout': (a) => `${s(a.seconds)} 秒内没有响应`,
  'update.http': (a) => `服务器返回 HTTP ${s(a.status)}`,
  'update.network': (a) => `${NETWORK_ZH[s(a.code)] ?? '网络错误'}（${s(a.code)}）`,
  'update.too-large': (a) => `下载超过 ${s(a.limit)} 字节上限，已停止`,
  'update.bad-metadata': () => 'npm 上的包信息格式不对',
  'update.integrity': () => '下载的文件与 npm 记录的校验值不符',
  'update.bad-tarball': () => '下载的包文件已损坏',
  'update.no-pack': (a) => `发布的 shegong ${s(a.version)} 中没有规则包文件`,
};

export const packProblemsEn: Record<string, (a: A) => string> = {
  'pack.not-a-pack': () => 'this is not a shegong rule pack (wrong format or damaged)',
  'pack.untrusted-key': (a) => `it is signed with key ${s(a.keyId)}, which is not the shegong maintainers' key`,
  'pack.bad-signature': () =>
    'the signature does not match the content: the file was changed after signing, or damaged',
  'pack.manifest': (a) => `the pack's manifest field ${s(a.field)} is missing or malformed`,
  'pack.missing-file': (a) => `the pack lacks the data file ${s(a.file)}`,
  'pack.exam-year': (a) =>
    `the pack claims to cover ${s(a.year)}, which its calendar (official dates up to ${s(a.published)}) does not support`,
  'pack.outside-cycle': (a) =>
    `${s(a.where)}: ${s(a.start)}–${s(a.end)} lies outside that year's exam cycle (${s(a.first)}–${s(a.last)})`,
  'pack.outside-national': (a) =>
    `${s(a.where)}: ${s(a.start)}–${s(a.end)} lies outside the national registration window (${s(a.first)}–${s(a.last)})`,
  'pack.unreadable': (a) => `cannot be read (${s(a.reason)})`,
  'update.timeout': (a) => `no answer within ${s(a.seconds)} seconds`,
  'update.http': (a) => `the server answered HTTP ${s(a.status)}`,
  'update.network': (a) => `network error (${s(a.code)})`,
  'update.too-large': (a) => `the download passed the ${s(a.limit)}-byte limit and was stopped`,
  'update.bad-metadata': () => "npm's package information is malformed",
  'update.integrity': () => 'the download does not match the checksum npm recorded',
  'update.bad-tarball': () => 'the downloaded package file is damaged',
  'update.no-pack': (a) => `the published shegong ${s(a.version)} carries no rule pack`,
};

export const packErrorsZh: Record<string, (a: A) => string> = {
  'error.pack-refused': (a) => `没有安装规则包 ${s(a.file)}，当前数据未改动：`,
  'error.pack-expired': (a) =>
    `没有安装规则包 ${s(a.version)}：它的有效期到 ${dayZh(a.expires)} 已过，当前数据未改动。请取得更新的规则包`,
  'error.pack-older': (a) => `没有安装规则包 ${s(a.version)}：它比正在使用的 ${s(a.current)} 旧，当前数据未改动`,
  'error.pack-update': (a) => `未能从 ${s(a.registry)} 取得新的规则包，当前数据未改动：`,
};

export const packErrorsEn: Record<string, (a: A) => string> = {
  'error.pack-refused': (a) => `Rule pack ${s(a.file)} was not installed; the current data is unchanged:`,
  'error.pack-expired': (a) =>
    `Rule pack ${s(a.version)} was not installed: it expired on ${dayEn(a.expires)}; the current data is unchanged. Get a newer pack`,
  'error.pack-older': (a) =>
    `Rule pack ${s(a.version)} was not installed: it is older than ${s(a.current)}, which is in use; the current data is unchanged`,
  'error.pack-update': (a) => `Could not get a new rule pack from ${s(a.registry)}; the current data is unchanged:`,
};
