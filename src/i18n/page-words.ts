/**
 * Words of `shegong ui`: what the terminal says about the local page, and every label of the page
 * itself (the page receives them as JSON; it holds no words of its own). Spread into both catalogues.
 */
export interface PageWords {
  /** Terminal: the address line's lead, printed above the address on a line of its own. */
  openAt: string;
  /** Terminal: how to stop it. */
  stopHint: (minutes: number) => string;
  /** Terminal: the browser could not be opened; copy the address. */
  openFailed: string;
  /** Terminal: the loud warning under --dangerously-expose-to-network. */
  exposed: string;
  stopped: string;
  /** Pages the server answers with instead of the app. */
  refusedHost: string;
  refusedOrigin: string;
  needToken: string;
  notFound: string;
  tooLarge: string;
  title: string;
  /** Between a label and its value. */
  colon: string;
  intro: string;
  privacy: string;
  tabs: { interview: string; files: string; batch: string };
  next: string;
  back: string;
  change: string;
  yes: string;
  no: string;
  startOver: string;
  answered: string;
  verdict: string;
  route: string;
  counted: string;
  shortfall: (months: string) => string;
  keyDates: string;
  downloadIcs: string;
  checklist: string;
  openChecklist: string;
  saveProfile: string;
  profileSaved: (file: string) => string;
  profileNotSaved: string;
  filesHeading: string;
  dropHere: string;
  chooseFiles: string;
  role: string;
  roleGuess: string;
  /** A file whose name says nothing of its use. */
  roleUnknown: string;
  checking: string;
  passed: string;
  failed: string;
  warned: string;
  original: string;
  fixed: string;
  preview: string;
  downloadFixed: string;
  cannotFix: string;
  noFindings: string;
  batchHeading: string;
  batchFolder: string;
  openBatch: string;
  filterStatus: string;
  all: string;
  applicant: string;
  status: string;
  openPage: string;
  openBatchReport: string;
  batchMissing: string;
  errorGeneric: string;
  serverGone: string;
}

export const pageWordsZh: PageWords = {
  openAt: '在浏览器中打开（含一次性口令，请勿转发）：',
  stopHint: (minutes) => `按 Ctrl-C 结束；${minutes} 分钟无人使用也会自动结束。`,
  openFailed: '未能自动打开浏览器，请复制上面的地址到浏览器中打开。',
  exposed:
    '⚠ 警告：已按 --dangerously-expose-to-network 在所有网络接口上监听。同一网络中的任何人都能尝试访问这个页面，照片和资料可能被看到。只在你信任的网络中、用完立即按 Ctrl-C 结束。',
  stopped: '本地页面已关闭，上传的文件已从本机临时文件夹删除。',
  refusedHost: '拒绝访问：地址不是本机地址。请使用 shegong ui 打印的地址。',
  refusedOrigin: '拒绝访问：请求来自其他网站。',
  needToken:
    '需要口令：请使用 shegong ui 在终端里打印的完整地址（口令只能使用一次；重新运行 shegong ui 可获得新地址）。',
  notFound: '没有这个文件。',
  tooLarge: '文件太大。',
  title: 'shegong · 社工考试报名准备',
  colon: '：',
  intro: '回答几个问题，看报考资格、关键日期和准备清单；再检查并修复照片和扫描件。',
  privacy: '全部在本机完成：文件不会上传到任何网站，关闭后即删除。',
  tabs: { interview: '资格与清单', files: '照片与扫描件', batch: '批量结果' },
  next: '下一步',
  back: '上一步',
  change: '修改',
  yes: '是',
  no: '否',
  startOver: '重新开始',
  answered: '已回答',
  verdict: '报考资格',
  route: '适用条件',
  counted: '已计工作年限',
  shortfall: (months) => `还差 ${months}`,
  keyDates: '关键日期',
  downloadIcs: '下载日历（.ics）',
  checklist: '准备清单',
  openChecklist: '在新标签页打开清单（可打印）',
  saveProfile: '保存答案（下次命令行和本页都能用）',
  profileSaved: (file) => `已保存到 ${file}`,
  profileNotSaved: '未能保存答案。',
  filesHeading: '照片与扫描件',
  dropHere: '把照片或扫描件拖到这里',
  chooseFiles: '选择文件',
  role: '用途',
  roleGuess: '按文件名判断',
  roleUnknown: '从文件名看不出这是哪种材料：请在上面的“用途”里选好，再添加一次。',
  checking: '正在检查…',
  passed: '通过',
  failed: '未通过',
  warned: '有提示',
  original: '原图',
  fixed: '修复后',
  preview: '修改对照图：左为原图（框出人脸和问题处），右为修复后；更换了背景时另附一张',
  downloadFixed: '下载修复后的文件',
  cannotFix: '无法自动修复',
  noFindings: '没有发现问题。',
  batchHeading: '批量结果',
  batchFolder: 'batch 的输出文件夹',
  openBatch: '打开',
  filterStatus: '按状态筛选',
  all: '全部',
  applicant: '考生',
  status: '状态',
  openPage: '查看',
  openBatchReport: '打开完整汇总页',
  batchMissing: '这个文件夹里没有 batch 的结果（summary.json）。',
  errorGeneric: '出错了，请重试。',
  serverGone: '本地服务已结束。请在终端重新运行 shegong ui。',
};

export const pageWordsEn: PageWords = {
  openAt: 'Open in your browser (a one-time token is in it; do not share it):',
  stopHint: (minutes) => `Ctrl-C stops it; it also stops after ${minutes} minutes unused.`,
  openFailed: 'The browser could not be opened: copy the address above into a browser.',
  exposed:
    '⚠ WARNING: --dangerously-expose-to-network listens on every network interface. Anyone on this network can try this page and may see photos and answers. Use it only on a network you trust and press Ctrl-C as soon as you are done.',
  stopped: 'The local page has stopped; the uploaded files were deleted from the temporary folder.',
  refusedHost: 'Refused: this is not the local address. Use the address shegong ui printed.',
  refusedOrigin: 'Refused: the request came from another site.',
  needToken:
    'A token is needed: use the full address shegong ui printed in the terminal (the token works once; run shegong ui again for a new address).',
  notFound: 'No such file.',
  tooLarge: 'The file is too large.',
  title: 'shegong · social worker exam registration',
  colon: ': ',
  intro:
    'Answer a few questions to see eligibility, key dates and your checklist; then check and fix your photo and scans.',
  privacy: 'Everything stays on this computer: no file is sent to any website, and they are deleted when you stop.',
  tabs: { interview: 'Eligibility', files: 'Photo and scans', batch: 'Batch results' },
  next: 'Next',
  back: 'Back',
  change: 'Change',
  yes: 'Yes',
  no: 'No',
  startOver: 'Start over',
  answered: 'Answered',
  verdict: 'Eligibility',
  route: 'Route',
  counted: 'Work counted',
  shortfall: (months) => `${months} short`,
  keyDates: 'Key dates',
  downloadIcs: 'Download calendar (.ics)',
  checklist: 'Checklist',
  openChecklist: 'Open the checklist in a new tab (printable)',
  saveProfile: 'Save the answers (for the CLI and this page next time)',
  profileSaved: (file) => `Saved to ${file}`,
  profileNotSaved: 'The answers could not be saved.',
  filesHeading: 'Photo and scans',
  dropHere: 'Drop a photo or scans here',
  chooseFiles: 'Choose files',
  role: 'Use',
  roleGuess: 'from the file name',
  roleUnknown: 'The file name does not say which material this is: choose its use above and add it again.',
  checking: 'Checking…',
  passed: 'passed',
  failed: 'failed',
  warned: 'warnings',
  original: 'Original',
  fixed: 'Fixed',
  preview:
    'What changed: the original (face and problems boxed) on the left, the fixed copy on the right; a third panel when the background was replaced',
  downloadFixed: 'Download the fixed file',
  cannotFix: 'Cannot be fixed automatically',
  noFindings: 'No problems found.',
  batchHeading: 'Batch results',
  batchFolder: 'The batch output folder',
  openBatch: 'Open',
  filterStatus: 'Filter by status',
  all: 'All',
  applicant: 'Applicant',
  status: 'Status',
  openPage: 'Open',
  openBatchReport: 'Open the full summary page',
  batchMissing: 'This folder holds no batch results (summary.json).',
  errorGeneric: 'Something went wrong; please try again.',
  serverGone: 'The local server has stopped. Run shegong ui again in the terminal.',
};
