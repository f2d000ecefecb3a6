/**
 * Words for the findings about one uploaded file (the ids of docs/contract.md: its checks, its role, its document),
 * zh-CN and en. Each message shows the measured numbers. Roster findings are in roster-findings.ts.
 */
import type { Values } from '../model/finding.js';
import type { FindingWords } from './catalogue.js';
import { EDUCATION_ZH } from './education-names.js';
import type { FileFindingId } from './finding-ids.js';

type A = Values;
type Words = Record<FileFindingId, FindingWords>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const heuristicZh = (a: A) => (a.heuristic ? '（启发式判断，仅供参考）' : '');
const heuristicEn = (a: A) => (a.heuristic ? ' (heuristic, advisory)' : '');

const TYPE_ZH: Record<string, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  pdf: 'PDF',
  heic: 'HEIC（苹果手机格式）',
  avif: 'AVIF',
  webp: 'WebP',
  gif: 'GIF',
  bmp: 'BMP',
  tiff: 'TIFF',
  text: '文本',
  unknown: '无法识别的格式',
};
const typeName = (t: unknown) => TYPE_ZH[s(t)] ?? s(t);

// Why a person matte may be wrong
const DOUBT_ZH: Record<string, string> = {
  object: '人像以外的物体或第二个人可能被保留',
  hair: '头发可能被裁掉',
  edges: '边缘不清晰',
};
const DOUBT_EN: Record<string, string> = {
  object: 'something other than you may have been kept',
  hair: 'hair may have been cut off',
  edges: 'soft, unsure edges',
};
const DOUBTS_ZH = (v: unknown) =>
  s(v)
    .split(',')
    .map((d) => DOUBT_ZH[d] ?? d)
    .join('；');
const DOUBTS_EN = (v: unknown) =>
  s(v)
    .split(',')
    .map((d) => DOUBT_EN[d] ?? d)
    .join('; ');

// Why a file could not be read, in words (a FIFO is not "a folder")
const UNREADABLE_ZH: Record<string, string> = {
  'not-regular': '不是普通文件，而是管道或设备',
  EISDIR: '这是文件夹',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  ETIMEDOUT: '检查超时',
};
const UNREADABLE_EN: Record<string, string> = {
  'not-regular': 'not a regular file but a pipe or device',
  EISDIR: 'it is a folder',
  EACCES: 'no permission to read',
  EPERM: 'no permission to read',
  ETIMEDOUT: 'the check took too long',
};
// Names of the education documents, windows and levels in the document findings
const KIND_ZH: Record<string, string> = {
  record: '《教育部学历证书电子注册备案表》',
  'degree-online': '《中国高等教育学位在线验证报告》',
  'education-certification': '《中国高等教育学历认证报告》',
  'degree-certification': '《中国高等教育学位认证报告》',
  'enrolment-online': '《教育部学籍在线验证报告》',
  'overseas-certification': '留学服务中心学历学位认证书',
  diploma: '毕业证书/学位证书',
  scan: '扫描图片',
};
const KIND_EN: Record<string, string> = {
  record: '《教育部学历证书电子注册备案表》 (education record form)',
  'degree-online': '《中国高等教育学位在线验证报告》 (degree online verification report)',
  'education-certification': '《中国高等教育学历认证报告》 (education certification report)',
  'degree-certification': '《中国高等教育学位认证报告》 (degree certification report)',
  'enrolment-online': '《教育部学籍在线验证报告》 (enrolment verification report)',
  'overseas-certification': 'CSCSE overseas degree certificate',
  diploma: 'diploma / degree certificate',
  scan: 'scanned image',
};
/** The four 学信网 reports the platform asks for when online verification fails. */
const REPORT_KINDS = ['record', 'degree-online', 'education-certification', 'degree-certification'];
const WINDOW_ZH: Record<string, string> = { registration: '报名', review: '考后资格复核' };
const WINDOW_EN: Record<string, string> = { registration: 'registration window', review: 'post-exam review' };
const extendFromZh = (a: A) =>
  a.extendFrom ? `（学信网一次最长 ${s(a.maxDays)} 天，${s(a.extendFrom)} 起才能延到这一天）` : '';
const extendFromEn = (a: A) =>
  a.extendFrom
    ? ` (学信网 allows at most ${s(a.maxDays)} days at a time: that date can be set from ${s(a.extendFrom)} on)`
    : '';
export const KIND_NAMES = { 'zh-CN': KIND_ZH, en: KIND_EN };

export const fileFindingsZh: Words = {
  'file.role': {
    message: (a) => `看不出这是什么材料：${s(a.path)}`,
    fix: () =>
      '用 --as photo|id-front|id-back|diploma|work-proof|social-security|residence-permit 指明，或按“照片/身份证正面/学历…”命名',
  },
  'file.missing': {
    message: (a) =>
      a.inFolder
        ? `没有找到${s(a.role) === 'photo' ? '报名照片' : '这份材料'}（文件夹 ${s(a.path)} 里${a.present ? `有：${s(a.present)}` : '没有文件'}）`
        : `找不到文件：${s(a.path)}`,
    fix: () => '检查路径是否正确，或把文件放进资料文件夹并按“照片/身份证正面/学历…”命名',
  },
  'file.unreadable': {
    message: (a) => `无法读取文件：${s(a.path)}（${UNREADABLE_ZH[s(a.reason)] ?? s(a.reason)}）`,
    fix: (a) =>
      s(a.reason) === 'not-regular'
        ? '给出照片或扫描件本身（普通文件），不要给管道或设备'
        : '确认这是一个文件而不是文件夹，并且有读取权限',
  },
  'file.empty': { message: () => '文件是空的（0 字节）', fix: () => '重新导出或重新拍摄这个文件' },
  'file.format': {
    message: (a) =>
      a.variant === 'heic'
        ? `这是苹果手机的 HEIC 照片${a.extension && a.extension !== 'heic' ? `（只是改成了 .${s(a.extension)} 后缀）` : ''}，报名平台不接受`
        : a.variant === 'text'
          ? `这不是图片，而是文本文件（后缀 .${s(a.extension)}）`
          : a.variant === 'extension'
            ? `文件实际是 ${typeName(a.type)}，但后缀写成了 .${s(a.extension)}`
            : a.variant === 'animated'
              ? '这是动图（多帧），只能上传单张图片'
              : a.variant === 'unknown'
                ? a.type === 'unknown'
                  ? `无法识别的文件格式（后缀 .${s(a.extension)}），此项只接受 ${s(a.allowed).toUpperCase()}`
                  : `文件实际格式是 ${typeName(a.type)}，本工具无法转换；此项只接受 ${s(a.allowed).toUpperCase()}`
                : `文件实际格式是 ${typeName(a.type)}，此项只接受 ${s(a.allowed).toUpperCase()}`,
    fix: (a) =>
      a.variant === 'heic' && a.convertible
        ? '用 shegong fix 转成 JPEG（本机用 WebAssembly 版 libheif 解码）'
        : a.variant === 'heic'
          ? 'iPhone：设置 → 相机 → 格式 → 选“兼容性最佳”后重拍；或在相册里“共享 → 存储到文件”时选 JPEG；也可用电脑另存为 JPG'
          : a.variant === 'extension'
            ? `把后缀改为 .${s(a.type) === 'jpeg' ? 'jpg' : s(a.type)}，或用 shegong fix 重新生成`
            : a.variant === 'unknown' || a.variant === 'text'
              ? '用原来的软件重新导出为 JPG（或学信网报告的 PDF）'
              : `用 shegong fix 转成 ${s(a.allowed).split('/')[0]?.toUpperCase()}，或在电脑上另存为 JPG`,
  },
  'file.size': {
    message: (a) =>
      a.variant === 'below-official'
        ? `文件只有 ${s(a.kb)} KB，小于官方照片工具要求的 ${s(a.min)} KB`
        : a.variant === 'guides'
          ? `文件 ${s(a.kb)} KB，不在常见说法的 ${s(a.min)}–${s(a.max)} KB 范围内（非官方数字）`
          : a.variant === 'above'
            ? `文件 ${s(a.kb)} KB，超过上传上限 ${s(a.max)} KB`
            : `文件 ${s(a.kb)} KB，超过建议的 ${s(a.max)} KB，上传可能很慢`,
    fix: (a) =>
      a.variant === 'below-official'
        ? '用原图（不要用聊天软件压缩过的图），或用 shegong fix 生成合规副本'
        : '用 shegong fix 生成压缩后的副本（原件不变）',
  },
  'image.pixels': {
    message: (a) => `图片像素过多（${s(a.pixels)} 像素，上限 ${s(a.max)}），为安全起见不解码`,
    fix: () => '这不像正常的照片或扫描件；请重新导出一张普通大小的图片',
  },
  'file.corrupt': {
    message: (a) =>
      a.type === 'pdf'
        ? a.reason === 'truncated'
          ? 'PDF 文件不完整（缺少结尾），可能下载中断'
          : a.reason === 'pdfjs'
            ? 'PDF 内容损坏，PDF 阅读器打不开'
            : 'PDF 文件结构损坏（交叉引用表不对）'
        : `图片已损坏或不完整，无法解码（${s(a.reason)}）`,
    fix: () => '重新下载或重新导出这个文件',
  },
  'pdf.invalid': {
    message: () => '文件名是 PDF，但内容不是有效的 PDF',
    fix: () => '从学信网重新下载报告 PDF，或用“打印 → 另存为 PDF”重新生成',
  },
  'pdf.encrypted': {
    message: (a) =>
      a.variant === 'owner'
        ? 'PDF 加了权限限制（无需密码即可打开），个别平台可能不接受'
        : 'PDF 设置了密码或加密，平台无法打开',
    fix: () => '下载未加密的版本，或在阅读器里去掉密码后另存',
  },
  'pdf.pages': { message: (a) => `PDF 有 ${s(a.pages)} 页，多于常见的 ${s(a.max)} 页`, fix: () => '只保留需要的页面' },
  // The PDF read for real, and the 学信网 report in it
  'pdf.limits': {
    message: (a) =>
      a.variant === 'time'
        ? `PDF 在 ${s(a.seconds)} 秒内没有读完，已停止读取（只做了结构检查）`
        : a.variant === 'memory'
          ? `读取这个 PDF 需要超过 ${s(a.mb)} MB 内存，已停止（只做了结构检查）`
          : a.variant === 'inflate'
            ? `PDF 里的压缩数据解压后超过 ${s(a.inflatedMb)} MB，像是“压缩炸弹”，未读取内容（只做了结构检查）`
            : 'PDF 阅读组件无法运行，只做了结构检查',
    fix: () => '学信网报告只有一两页、几百 KB；请从学信网重新下载，不要上传这个文件',
  },
  'document.type': {
    message: (a) =>
      a.variant === 'recognised'
        ? `识别为${KIND_ZH[s(a.kind)] ?? s(a.kind)}${a.holder ? `：${s(a.holder)}${a.id ? `（${s(a.id)}）` : ''}` : ''}${a.level ? `，${s(a.level)}` : ''}${a.major ? `，专业 ${s(a.major)}` : ''}${a.validUntil ? `，在线验证有效期至 ${s(a.validUntil)}` : ''}${a.code ? `（验证码 ${s(a.code)}）` : ''}`
        : a.variant === 'image'
          ? `这是一张图片（毕业证的照片或扫描件），不是学信网 PDF 报告：报名平台在线核验不通过时要的是学信网报告 PDF；只有 ${s(a.fromYear)} 年以前毕业、中专以下或境外学历等平台查不到的，才上传证书原件彩色图片`
          : a.variant === 'scan'
            ? '这是扫描图片做成的 PDF，没有文字层，不是学信网下载的报告，无法核对内容'
            : a.variant === 'diploma'
              ? '这是毕业证书或学位证书，不是学信网报告；在线核验不通过时平台要的是学信网 PDF 报告'
              : a.variant === 'empty'
                ? 'PDF 没有可读的文字，无法确认是学信网报告'
                : `PDF 里没有找到学信网报告的标题（${REPORT_KINDS.map((k) => KIND_ZH[k]).join('、')}）`,
    fix: (a) =>
      a.variant === 'recognised'
        ? '报告内容已读取；请同时核对姓名和证件号码与报名信息一致'
        : '登录学信网（学信档案 → 在线验证报告）下载 PDF 原件直接上传；不要打印后再扫描（河南曾允许暂传毕业证书 PDF，考后复核时补交报告）',
  },
  'document.validity': {
    message: (a) => `没有在${KIND_ZH[s(a.kind)] ?? '报告'}中找到在线验证有效期`,
    fix: (a) => `在学信档案里查看该报告的有效期${a.needed ? `，确认至少到 ${s(a.needed)}` : ''}`,
  },
  'document.expired': {
    message: (a) =>
      `${KIND_ZH[s(a.kind)] ?? '报告'}的在线验证已于 ${s(a.validUntil)} 过期（${s(a.days)} 天前），审核人员无法再在线验证`,
    fix: (a) =>
      a.extendTo
        ? `在学信档案里延长有效期（或重新申请）至 ${s(a.extendTo)} 以后（${WINDOW_ZH[s(a.window)] ?? ''}结束${a.estimated ? '，估计' : ''}）${extendFromZh(a)}，再下载新的 PDF`
        : '报名和复核都已结束；如仍需使用，在学信档案里延长有效期后重新下载',
  },
  'document.expires-before-review': {
    message: (a) =>
      `${KIND_ZH[s(a.kind)] ?? '报告'}的在线验证有效期到 ${s(a.validUntil)}，比${WINDOW_ZH[s(a.window)] ?? ''}结束（${s(a.extendTo)}${a.estimated ? '，估计' : ''}）早 ${s(a.short)} 天，到时审核会因无法验证被退回`,
    fix: (a) => `在学信档案里把有效期延长到 ${s(a.extendTo)} 以后${extendFromZh(a)}，再下载新的 PDF 上传`,
  },
  'document.mismatch': {
    message: (a) =>
      a.field === 'level'
        ? `报告上的层次是“${s(a.foundText)}”（${EDUCATION_ZH[s(a.found)] ?? s(a.found)}），你回答的学历是 ${EDUCATION_ZH[s(a.answered)] ?? s(a.answered)}`
        : a.field === 'major'
          ? `报告上的专业是“${s(a.found)}”（${a.socialWork ? '社会工作类' : '非社会工作类'}），你回答的是${a.answered === 'social-work' ? '社会工作专业' : '其他专业'}`
          : a.field === 'name'
            ? `报告上的姓名是“${s(a.found)}”，花名册上是“${s(a.answered)}”`
            : a.field === 'id'
              ? `报告上的证件号码是 ${s(a.found)}，花名册上是 ${s(a.answered)}`
              : `报告上的毕业时间是 ${s(a.found)}，你回答的是 ${s(a.answered)}`,
    fix: (a) =>
      a.field === 'level'
        ? '上传与所填学历对应的那份报告，或改正回答（--education）；报名平台按报告核验'
        : a.field === 'major'
          ? '按报告上的专业回答（--major）；“方向”类专业需学校教务处证明'
          : a.field === 'name' || a.field === 'id'
            ? '确认这是本人的报告；姓名或证件号码变更过的，备好公安机关出具的变更证明，并在学信网更新信息后重新下载'
            : '按报告上的毕业年月回答（--graduated），工作年限的计算与之有关',
  },
  'seal.missing': {
    message: (a) =>
      a.variant === 'pdf'
        ? 'PDF 无法自动检查公章，请自己确认盖有单位红色公章'
        : `没有找到红色公章${heuristicZh(a)}：红色像素占 ${s(a.share)}，最大红色区域宽 ${s(a.width)}、宽高比 ${s(a.aspect)}`,
    fix: () => '工作证明须加盖单位公章；扫描时用彩色模式，确保红章清楚可见',
  },
  'photo.dimensions': {
    message: (a) => `照片只有 ${s(a.width)}×${s(a.height)} 像素，至少需要 ${s(a.minWidth)}×${s(a.minHeight)}`,
    fix: () => '用原图或重新拍摄；小图放大会变模糊，本工具不会替你放大',
  },
  'photo.aspect': {
    message: (a) => `照片宽高比 ${s(a.ratio)}（${s(a.width)}×${s(a.height)}），应为 ${s(a.aspect)} ≈ ${s(a.want)}`,
    fix: (a) => `用 shegong fix 按 ${s(a.aspect)} 裁剪（以人像为中心）`,
  },
  'photo.orientation': {
    message: (a) =>
      a.variant === 'turned'
        ? a.way === 'flagged'
          ? '照片里的人像不是正的：像素本身是转过的，又带 EXIF 旋转标记，不同网站会显示成不同方向'
          : a.way === 'over'
            ? '照片是倒着的（人像头朝下），任何网站都会这样显示'
            : `照片是横着的（要${a.way === 'clockwise' ? '顺' : '逆'}时针转 ${s(a.degrees)}° 人像才正），任何网站都会这样显示`
        : `照片带 EXIF 旋转标记（${s(a.orientation)}），不识别该标记的网站会把它显示成横的`,
    fix: (a) =>
      a.variant === 'turned' ? '用 shegong fix 转正（同时按人脸裁剪、检查背景）' : '用 shegong fix 生成已摆正的副本',
  },
  'scan.orientation': {
    message: (a) =>
      `图片的像素是${a.sideways ? '横躺' : '倒置或翻转'}的，只靠 EXIF 旋转标记（${s(a.orientation)}）摆正：不识别该标记的报名平台会把它显示成${a.sideways ? '横的' : '倒的'}`,
    fix: () => '用 shegong fix 生成已摆正的副本（batch 加 --fix 也会生成）',
  },
  'photo.background': {
    message: (a) => {
      const problems = s(a.problems).split(',');
      const parts = [
        problems.includes('dark')
          ? `不够白（边缘平均 RGB(${s(a.r)},${s(a.g)},${s(a.b)})，要求各通道 ≥ ${s(a.minMean)}）`
          : '',
        problems.includes('cast') ? `有色偏（通道差 ${s(a.cast)}）` : '',
        problems.includes('uneven') ? `不均匀（阴影或渐变，差异 ${s(a.spread)}）` : '',
      ].filter(Boolean);
      if (a.variant === 'matte-unsure') return `已换成白底，但人像抠图可能不准（${DOUBTS_ZH(a.doubts)}）`;
      return `照片背景不是纯白：${parts.join('，')}`;
    },
    fix: (a) =>
      a.variant === 'matte-unsure'
        ? '请放大查看修复后的照片；若头发缺失或留有杂物，请在白墙前重拍'
        : a.whiten
          ? '用 shegong fix 自动换成白底（按人脸裁剪）；或在白墙前、光线均匀处重拍'
          : '在白墙前、光线均匀处重拍；或到照相馆拍白底证件照（未安装人像模型时本工具不替换背景）',
  },
  'photo.colour': {
    message: (a) =>
      a.variant === 'cmyk'
        ? '照片是 CMYK 印刷色彩，网页和平台需要 RGB 彩色'
        : a.variant === 'grey'
          ? `照片是黑白的（色度 ${s(a.chroma)}），要求彩色照片`
          : `照片是 ${s(a.depth)} 高位深，请用普通 8 位 JPEG`,
    fix: (a) => (a.variant === 'grey' ? '使用近期彩色照片' : '用 shegong fix 转成 sRGB 彩色 JPEG'),
  },
  // Face detector findings
  'photo.face': {
    message: (a) =>
      a.variant === 'skipped'
        ? `未做人脸检测（${a.reason === 'disabled' ? '已用 SHEGONG_ML=off 关闭' : a.reason === 'missing' ? '未安装可选的人像模型组件' : '人像模型加载失败'}），跳过：人脸、姿态、头部大小；人像位置按背景估计`
        : a.variant === 'none'
          ? '照片里没有找到人脸'
          : `照片里有 ${s(a.count)} 张人脸，只能有本人一人`,
    fix: (a) =>
      a.variant === 'skipped'
        ? '安装可选组件（npm install 时不要加 --omit=optional）后重试'
        : a.variant === 'none'
          ? '使用本人正面免冠近照，脸部清晰、无遮挡'
          : '使用只有本人的照片；合影裁剪出来的照片通常不合格',
  },
  'photo.pose': {
    message: (a) =>
      a.variant === 'yaw'
        ? `头部向一侧转了约 ${s(a.yaw)}°（上限 ${s(a.max)}°），不是正面`
        : a.variant === 'pitch'
          ? `头部抬起或低下约 ${s(a.pitch)}°（上限 ${s(a.max)}°）`
          : `头部歪斜约 ${s(a.roll)}°（上限 ${s(a.max)}°）`,
    fix: () => '正对镜头、双眼平视、头部端正后重拍（机器无法修正姿态）',
  },
  'photo.eyes': {
    message: (a) => (a.variant === 'covered' ? '眼睛被遮住（墨镜、刘海或反光），看不到双眼' : '照片里眼睛是闭着的'),
    fix: (a) => (a.variant === 'covered' ? '摘下墨镜、露出双眼后重拍（机器无法修出眼睛）' : '睁眼平视镜头后重拍'),
  },
  'photo.head-size': {
    message: (a) =>
      a.variant === 'small'
        ? `脸部只占画面的 ${s(a.area)}，头像偏小（建议 ${s(a.min)}–${s(a.max)}）`
        : `脸部占画面的 ${s(a.area)}，头像过大（建议 ${s(a.min)}–${s(a.max)}）`,
    fix: () => '用 shegong fix 按人脸重新裁剪；若原图里的脸太小，请靠近些重拍',
  },
  'photo.position': {
    message: (a) =>
      a.variant === 'none'
        ? `没有找到与背景区分开的人像${heuristicZh(a)}`
        : a.variant === 'top-tight'
          ? `头顶离上边太近（${s(a.top)}）${heuristicZh(a)}`
          : a.variant === 'top-loose'
            ? `头顶上方空白过多（${s(a.top)}），人像偏小${heuristicZh(a)}`
            : `人像不居中（头部中心在 ${s(a.centre)} 处）${heuristicZh(a)}`,
    fix: (a) =>
      a.from === 'face'
        ? '用 shegong fix 按人脸重新裁剪；或正面免冠、居中重拍'
        : '正面免冠、居中，头顶留少量空白；官方照片工具会再裁剪一次',
  },
  'photo.exposure': {
    message: (a) =>
      a.variant === 'dark'
        ? `照片偏暗（平均亮度 ${s(a.mean)}）${heuristicZh(a)}`
        : `照片过亮或发白（平均亮度 ${s(a.mean)}）${heuristicZh(a)}`,
    fix: () => '在光线均匀处重拍，避免逆光和闪光灯直射',
  },
  'photo.sharpness': {
    message: (a) => `照片可能模糊（拉普拉斯方差 ${s(a.variance)}，参考下限 ${s(a.min)}）${heuristicZh(a)}`,
    fix: () => '对焦后重拍，保持手机稳定；不要用截图或聊天软件压缩过的图',
  },
  'photo.density': {
    message: (a) =>
      a.dpi === ''
        ? '照片没有写明分辨率（dpi），有的网站会按 72 dpi 处理（非官方要求）'
        : `照片分辨率 ${s(a.dpi)} dpi，低于常见说法的 ${s(a.min)} dpi（非官方要求）`,
    fix: (a) => `shegong fix 生成的副本会同时在 JFIF 和 EXIF 中写入 ${s(a.writes)} dpi`,
  },
  'photo.official-tool': {
    message: (a) =>
      a.variant === 'recognised'
        ? `这看起来是官方照片审核处理工具生成的“${s(a.fileName)}”`
        : `报名平台只接受官方“照片审核处理工具”处理后生成的“${s(a.fileName)}”`,
    fix: (a) =>
      a.variant === 'recognised'
        ? '上传这个文件即可，不要再修改'
        : '本工具的检查和修复只是帮照片通过官方工具；最后仍要用官方工具处理并上传它生成的文件',
  },
  'scan.resolution': {
    message: (a) => `按实物尺寸 ${s(a.mm)} mm 折算只有 ${s(a.dpi)} dpi，低于 ${s(a.min)} dpi`,
    fix: (a) => `扫描时选 ${s(a.goodDpi)} dpi（约 ${s(a.needLong)}×${s(a.needShort)} 像素），或拍照时让证件占满画面`,
  },
  'scan.sharpness': {
    message: (a) => `扫描件可能模糊（拉普拉斯方差 ${s(a.variance)}，参考下限 ${s(a.min)}）${heuristicZh(a)}`,
    fix: () => '对焦后重拍或重新扫描，手机拍摄时保持稳定',
  },
  'scan.exposure': {
    message: (a) =>
      a.variant === 'dark'
        ? `扫描件太暗（平均亮度 ${s(a.mean)}）${heuristicZh(a)}`
        : `扫描件曝光过度、发白（平均亮度 ${s(a.mean)}）${heuristicZh(a)}`,
    fix: () => '在均匀光线下重新拍摄或扫描，避免反光',
  },
};

const TYPE_EN: Record<string, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  pdf: 'PDF',
  heic: 'HEIC (iPhone format)',
  text: 'text',
  unknown: 'an unrecognised format',
};
const typeEn = (t: unknown) => TYPE_EN[s(t)] ?? s(t).toUpperCase();

export const fileFindingsEn: Words = {
  'file.role': {
    message: (a) => `Cannot tell what this file is: ${s(a.path)}`,
    fix: () =>
      'Pass --as photo|id-front|id-back|diploma|work-proof|social-security|residence-permit, or name it photo / id-front / diploma …',
  },
  'file.missing': {
    message: (a) =>
      a.inFolder
        ? `No ${s(a.role) === 'photo' ? 'photo' : 'file for this'} found (the folder ${s(a.path)} holds ${a.present ? s(a.present) : 'no files'})`
        : `File not found: ${s(a.path)}`,
    fix: () => 'Check the path, or put the file in the materials folder named photo / id-front / diploma …',
  },
  'file.unreadable': {
    message: (a) => `Cannot read the file: ${s(a.path)} (${UNREADABLE_EN[s(a.reason)] ?? s(a.reason)})`,
    fix: (a) =>
      s(a.reason) === 'not-regular'
        ? 'Give the photo or scan itself (a regular file), not a pipe or device'
        : 'Make sure it is a file, not a folder, and that you may read it',
  },
  'file.empty': { message: () => 'The file is empty (0 bytes)', fix: () => 'Export or take the file again' },
  'file.format': {
    message: (a) =>
      a.variant === 'heic'
        ? `This is an iPhone HEIC photo${a.extension && a.extension !== 'heic' ? ` renamed to .${s(a.extension)}` : ''}; the platform does not accept it`
        : a.variant === 'text'
          ? `This is a text file, not an image (named .${s(a.extension)})`
          : a.variant === 'extension'
            ? `The file is really ${typeEn(a.type)} but is named .${s(a.extension)}`
            : a.variant === 'animated'
              ? 'This is an animated image; upload a single still image'
              : a.variant === 'unknown'
                ? a.type === 'unknown'
                  ? `Unrecognised file type (named .${s(a.extension)}); this role accepts only ${s(a.allowed).toUpperCase()}`
                  : `The file is really ${typeEn(a.type)}, which this tool cannot convert; this role accepts only ${s(a.allowed).toUpperCase()}`
                : `The file is really ${typeEn(a.type)}; this role accepts only ${s(a.allowed).toUpperCase()}`,
    fix: (a) =>
      a.variant === 'heic' && a.convertible
        ? 'Let shegong fix convert it to JPEG (decoded here with a WebAssembly build of libheif)'
        : a.variant === 'heic'
          ? 'iPhone: Settings → Camera → Formats → Most Compatible, then take it again; or export as JPEG from Photos/Files'
          : a.variant === 'extension'
            ? `Rename it to .${s(a.type) === 'jpeg' ? 'jpg' : s(a.type)}, or let shegong fix write a new copy`
            : a.variant === 'unknown' || a.variant === 'text'
              ? 'Export it again as JPG (or the CHSI report as PDF) from the program that made it'
              : `Convert it with shegong fix, or save it as JPG on a computer`,
  },
  'file.size': {
    message: (a) =>
      a.variant === 'below-official'
        ? `The file is only ${s(a.kb)} KB, below the official photo tool's ${s(a.min)} KB minimum`
        : a.variant === 'guides'
          ? `The file is ${s(a.kb)} KB, outside the ${s(a.min)}–${s(a.max)} KB that guides quote (not an official figure)`
          : a.variant === 'above'
            ? `The file is ${s(a.kb)} KB, over the ${s(a.max)} KB upload limit`
            : `The file is ${s(a.kb)} KB, over the suggested ${s(a.max)} KB; uploading may be slow`,
    fix: (a) =>
      a.variant === 'below-official'
        ? 'Use the original (not a chat-app copy), or let shegong fix write a compliant copy'
        : 'Let shegong fix write a smaller copy (the original is kept)',
  },
  'image.pixels': {
    message: (a) => `Too many pixels (${s(a.pixels)}, limit ${s(a.max)}); not decoded, for safety`,
    fix: () => 'This is not an ordinary photo or scan; export a normal-sized image',
  },
  'file.corrupt': {
    message: (a) =>
      a.type === 'pdf'
        ? a.reason === 'truncated'
          ? 'The PDF is incomplete (no end marker); the download may have been cut'
          : a.reason === 'pdfjs'
            ? 'The PDF content is damaged; a PDF reader cannot open it'
            : 'The PDF structure is broken (bad cross-reference table)'
        : `The image is damaged or incomplete and cannot be decoded (${s(a.reason)})`,
    fix: () => 'Download or export the file again',
  },
  'pdf.invalid': {
    message: () => 'Named PDF, but not a valid PDF',
    fix: () => 'Download the report from 学信网 (CHSI) again, or print it to PDF',
  },
  'pdf.encrypted': {
    message: (a) =>
      a.variant === 'owner'
        ? 'The PDF carries permission restrictions (it opens without a password); some platforms may refuse it'
        : 'The PDF is password-protected or encrypted; the platform cannot open it',
    fix: () => 'Get an unencrypted copy, or remove the password and save again',
  },
  'pdf.pages': {
    message: (a) => `The PDF has ${s(a.pages)} pages, more than the usual ${s(a.max)}`,
    fix: () => 'Keep only the pages needed',
  },
  // The PDF read for real, and the 学信网 report in it
  'pdf.limits': {
    message: (a) =>
      a.variant === 'time'
        ? `The PDF could not be read within ${s(a.seconds)} s; reading was stopped (structural check only)`
        : a.variant === 'memory'
          ? `Reading this PDF needs more than ${s(a.mb)} MB of memory; stopped (structural check only)`
          : a.variant === 'inflate'
            ? `The PDF's compressed data inflates to more than ${s(a.inflatedMb)} MB, like a zip bomb; its content was not read (structural check only)`
            : 'The PDF reader could not run; structural check only',
    fix: () =>
      'A 学信网 (CHSI) report is one or two pages and a few hundred KB: download it again from 学信网 and do not upload this file',
  },
  'document.type': {
    message: (a) =>
      a.variant === 'recognised'
        ? `Recognised as ${KIND_EN[s(a.kind)] ?? s(a.kind)}${a.holder ? `: ${s(a.holder)}${a.id ? ` (${s(a.id)})` : ''}` : ''}${a.level ? `, ${s(a.level)}` : ''}${a.major ? `, major ${s(a.major)}` : ''}${a.validUntil ? `, online verification valid until ${s(a.validUntil)}` : ''}${a.code ? ` (code ${s(a.code)})` : ''}`
        : a.variant === 'image'
          ? `This is a picture (a photo or scan of the diploma), not a 学信网 PDF report: when online verification fails the platform wants the 学信网 PDF; only qualifications it cannot see (before ${s(a.fromYear)}, below associate level, from abroad) are uploaded as a colour picture of the certificate`
          : a.variant === 'scan'
            ? 'This PDF is a scanned image with no text layer, not a report downloaded from 学信网; its content cannot be checked'
            : a.variant === 'diploma'
              ? 'This is a diploma or degree certificate, not a 学信网 report; when online verification fails the platform wants a 学信网 PDF report'
              : a.variant === 'empty'
                ? 'The PDF has no readable text, so it cannot be confirmed as a 学信网 report'
                : `No 学信网 report title found in the PDF (${REPORT_KINDS.map((k) => KIND_EN[k]).join(', ')})`,
    fix: (a) =>
      a.variant === 'recognised'
        ? 'The report was read; also check that the name and ID number match your registration'
        : 'Download the original PDF from 学信网 (学信档案 → 在线验证报告) and upload it as is; do not print and rescan it (河南 once accepted a diploma PDF for now, with the report due at the post-exam review)',
  },
  'document.validity': {
    message: (a) => `No online-verification validity date found in the ${KIND_EN[s(a.kind)] ?? 'report'}`,
    fix: (a) =>
      `Look up the report's validity in 学信档案${a.needed ? ` and make sure it lasts at least until ${s(a.needed)}` : ''}`,
  },
  'document.expired': {
    message: (a) =>
      `The ${KIND_EN[s(a.kind)] ?? 'report'}'s online verification expired on ${s(a.validUntil)} (${s(a.days)} days ago); reviewers can no longer verify it`,
    fix: (a) =>
      a.extendTo
        ? `Extend its validity in 学信档案 (or apply again) to ${s(a.extendTo)} or later (end of the ${WINDOW_EN[s(a.window)] ?? ''}${a.estimated ? ', estimated' : ''})${extendFromEn(a)}, then download the new PDF`
        : 'Registration and review are over; if you still need it, extend the validity in 学信档案 and download it again',
  },
  'document.expires-before-review': {
    message: (a) =>
      `The ${KIND_EN[s(a.kind)] ?? 'report'}'s online verification ends on ${s(a.validUntil)}, ${s(a.short)} days before the ${WINDOW_EN[s(a.window)] ?? ''} ends (${s(a.extendTo)}${a.estimated ? ', estimated' : ''}); it will be rejected as unverifiable`,
    fix: (a) =>
      `Extend its validity in 学信档案 to ${s(a.extendTo)} or later${extendFromEn(a)}, then upload the new PDF`,
  },
  'document.mismatch': {
    message: (a) =>
      a.field === 'level'
        ? `The report gives the level "${s(a.foundText)}" (${s(a.found)}); you answered ${s(a.answered)}`
        : a.field === 'major'
          ? `The report gives the major "${s(a.found)}" (${a.socialWork ? 'social work' : 'not social work'}); you answered ${s(a.answered)}`
          : a.field === 'name'
            ? `The report is in the name "${s(a.found)}"; the roster says "${s(a.answered)}"`
            : a.field === 'id'
              ? `The report gives the ID number ${s(a.found)}; the roster says ${s(a.answered)}`
              : `The report gives graduation ${s(a.found)}; you answered ${s(a.answered)}`,
    fix: (a) =>
      a.field === 'level'
        ? 'Upload the report for the education you declared, or correct the answer (--education); the platform checks against the report'
        : a.field === 'major'
          ? 'Answer the major the report gives (--major); a "方向" major needs a letter from the school'
          : a.field === 'name' || a.field === 'id'
            ? "Make sure this is the applicant's own report; after a change of name or ID number, bring the police certificate of the change and download the report again once 学信网 is updated"
            : 'Answer the graduation month the report gives (--graduated); your work years are counted from it',
  },
  'seal.missing': {
    message: (a) =>
      a.variant === 'pdf'
        ? 'Seals cannot be checked in a PDF: make sure the red official seal is there'
        : `No red seal found${heuristicEn(a)}: red pixels ${s(a.share)}, largest red area ${s(a.width)} wide, aspect ${s(a.aspect)}`,
    fix: () => "The work proof needs the employer's official seal (公章); scan in colour so the red seal shows",
  },
  'photo.dimensions': {
    message: (a) =>
      `The photo is only ${s(a.width)}×${s(a.height)} px; at least ${s(a.minWidth)}×${s(a.minHeight)} is needed`,
    fix: () =>
      'Use the original or take a new photo; enlarging a small one only blurs it, so this tool does not enlarge photos',
  },
  'photo.aspect': {
    message: (a) =>
      `Aspect ratio ${s(a.ratio)} (${s(a.width)}×${s(a.height)}); it should be ${s(a.aspect)} ≈ ${s(a.want)}`,
    fix: (a) => `Let shegong fix crop it to ${s(a.aspect)} around the subject`,
  },
  'photo.orientation': {
    message: (a) =>
      a.variant === 'turned'
        ? a.way === 'flagged'
          ? 'The person in the photo is not upright: the pixels are turned and an EXIF rotation flag is set too, so sites show it different ways round'
          : a.way === 'over'
            ? 'The photo is upside down; every site shows it so'
            : `The photo lies sideways (turn it ${s(a.way)} by ${s(a.degrees)}° to stand the person upright); every site shows it so`
        : `The photo carries an EXIF rotation flag (${s(a.orientation)}); sites that ignore it show the photo sideways`,
    fix: (a) =>
      a.variant === 'turned'
        ? 'Let shegong fix turn it upright (it also crops by the face and checks the background)'
        : 'Let shegong fix write an upright copy',
  },
  'scan.orientation': {
    message: (a) =>
      `The image's pixels lie ${a.sideways ? 'sideways' : 'upside down or mirrored'} and only an EXIF flag (${s(a.orientation)}) turns them upright; a platform that ignores the flag shows it ${a.sideways ? 'sideways' : 'upside down'}`,
    fix: () => 'Let shegong fix write an upright copy (batch --fix does too)',
  },
  'photo.background': {
    message: (a) => {
      const problems = s(a.problems).split(',');
      const parts = [
        problems.includes('dark')
          ? `not white enough (border average RGB(${s(a.r)},${s(a.g)},${s(a.b)}); each channel should be ≥ ${s(a.minMean)})`
          : '',
        problems.includes('cast') ? `colour cast (channel difference ${s(a.cast)})` : '',
        problems.includes('uneven') ? `uneven (shadow or gradient, difference ${s(a.spread)})` : '',
      ].filter(Boolean);
      if (a.variant === 'matte-unsure')
        return `The background was made white, but the cut-out may be wrong (${DOUBTS_EN(a.doubts)})`;
      return `The background is not plain white: ${parts.join('; ')}`;
    },
    fix: (a) =>
      a.variant === 'matte-unsure'
        ? 'Look at the fixed photo at full size; if hair is missing or something else was kept, take it again against a white wall'
        : a.whiten
          ? 'Let shegong fix make the background white (cropped around the face), or take it again against a white wall in even light'
          : 'Take it again against a white wall in even light, or at a photo studio (without the optional photo models this tool does not replace backgrounds)',
  },
  'photo.colour': {
    message: (a) =>
      a.variant === 'cmyk'
        ? 'The photo is CMYK (print colours); the platform needs RGB colour'
        : a.variant === 'grey'
          ? `The photo is black and white (chroma ${s(a.chroma)}); a colour photo is required`
          : `The photo has ${s(a.depth)} samples; use an ordinary 8-bit JPEG`,
    fix: (a) => (a.variant === 'grey' ? 'Use a recent colour photo' : 'Let shegong fix convert it to an sRGB JPEG'),
  },
  // Face detector findings
  'photo.face': {
    message: (a) =>
      a.variant === 'skipped'
        ? `No face detection (${a.reason === 'disabled' ? 'turned off with SHEGONG_ML=off' : a.reason === 'missing' ? 'the optional photo model packages are not installed' : 'the photo models failed to load'}); skipped: face, pose, head size; position estimated from the background`
        : a.variant === 'none'
          ? 'No face was found in the photo'
          : `The photo shows ${s(a.count)} faces; only yours may be in it`,
    fix: (a) =>
      a.variant === 'skipped'
        ? 'Install the optional packages (npm install without --omit=optional) and run again'
        : a.variant === 'none'
          ? 'Use a recent, frontal, bare-headed photo with your face clearly visible'
          : 'Use a photo of you alone; a face cut out of a group photo is usually rejected',
  },
  'photo.pose': {
    message: (a) =>
      a.variant === 'yaw'
        ? `The head is turned about ${s(a.yaw)}° (limit ${s(a.max)}°); not frontal`
        : a.variant === 'pitch'
          ? `The head is tilted up or down about ${s(a.pitch)}° (limit ${s(a.max)}°)`
          : `The head is tilted sideways about ${s(a.roll)}° (limit ${s(a.max)}°)`,
    fix: () => 'Face the camera with eyes level and take it again (a machine cannot fix the pose)',
  },
  'photo.eyes': {
    message: (a) =>
      a.variant === 'covered' ? 'The eyes are covered (sunglasses, hair or glare)' : 'The eyes are closed',
    fix: (a) =>
      a.variant === 'covered'
        ? 'Take off the sunglasses, show both eyes and take it again (no edit can restore eyes)'
        : 'Take it again with your eyes open, looking at the camera',
  },
  'photo.head-size': {
    message: (a) =>
      a.variant === 'small'
        ? `The face covers only ${s(a.area)} of the frame; too small (aim for ${s(a.min)}–${s(a.max)})`
        : `The face covers ${s(a.area)} of the frame; too large (aim for ${s(a.min)}–${s(a.max)})`,
    fix: () => 'Let shegong fix crop it around the face; if the face is tiny in the original, take it again closer',
  },
  'photo.position': {
    message: (a) =>
      a.variant === 'none'
        ? `No subject stands out from the background${heuristicEn(a)}`
        : a.variant === 'top-tight'
          ? `The head touches the top edge (${s(a.top)})${heuristicEn(a)}`
          : a.variant === 'top-loose'
            ? `Too much space above the head (${s(a.top)}); the subject is small${heuristicEn(a)}`
            : `The subject is off-centre (head centre at ${s(a.centre)})${heuristicEn(a)}`,
    fix: (a) =>
      a.from === 'face'
        ? 'Let shegong fix crop it around the face, or take it again centred'
        : 'Face the camera, bare-headed and centred, with a little space above the head; the official tool crops again',
  },
  'photo.exposure': {
    message: (a) =>
      a.variant === 'dark'
        ? `The photo is dark (mean brightness ${s(a.mean)})${heuristicEn(a)}`
        : `The photo is washed out (mean brightness ${s(a.mean)})${heuristicEn(a)}`,
    fix: () => 'Take it again in even light, without backlight or direct flash',
  },
  'photo.sharpness': {
    message: (a) =>
      `The photo may be blurred (Laplacian variance ${s(a.variance)}, reference minimum ${s(a.min)})${heuristicEn(a)}`,
    fix: () => 'Focus and take it again, holding still; avoid screenshots and chat-app copies',
  },
  'photo.density': {
    message: (a) =>
      a.dpi === ''
        ? 'The photo states no resolution (dpi); some sites assume 72 dpi (not an official rule)'
        : `The photo says ${s(a.dpi)} dpi, below the ${s(a.min)} dpi guides quote (not an official rule)`,
    fix: (a) => `Copies written by shegong fix carry ${s(a.writes)} dpi in both JFIF and EXIF`,
  },
  'photo.official-tool': {
    message: (a) =>
      a.variant === 'recognised'
        ? `This looks like "${s(a.fileName)}" saved by the official photo tool`
        : `The platform accepts only "${s(a.fileName)}" as saved by the official photo tool (照片审核处理工具)`,
    fix: (a) =>
      a.variant === 'recognised'
        ? 'Upload this file as it is'
        : 'These checks help your photo pass the official tool; you still run the tool and upload the file it saves',
  },
  'scan.resolution': {
    message: (a) => `Only ${s(a.dpi)} dpi for a ${s(a.mm)} mm document, below ${s(a.min)} dpi`,
    fix: (a) =>
      `Scan at ${s(a.goodDpi)} dpi (about ${s(a.needLong)}×${s(a.needShort)} px), or fill the frame with the document when photographing`,
  },
  'scan.sharpness': {
    message: (a) =>
      `The scan may be blurred (Laplacian variance ${s(a.variance)}, reference minimum ${s(a.min)})${heuristicEn(a)}`,
    fix: () => 'Focus and take it again, holding the phone still',
  },
  'scan.exposure': {
    message: (a) =>
      a.variant === 'dark'
        ? `The scan is too dark (mean brightness ${s(a.mean)})${heuristicEn(a)}`
        : `The scan is washed out (mean brightness ${s(a.mean)})${heuristicEn(a)}`,
    fix: () => 'Scan or photograph again in even light, without glare',
  },
};
