/**
 * Tiny PDF writer for tests: real files a PDF reader opens, built from scratch so no fixture is
 * binary. Text is written with a Type0 font (Identity-H) and a ToUnicode CMap, which is how CJK
 * reports carry their text layer; no glyphs are embedded (text extraction needs none).
 * Supports pages in compressed object streams (with an xref stream), RC4 encryption (standard
 * security handler, revision 2) and image-only pages (a scan without a text layer).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface PdfPage {
  /** Lines of text, top to bottom. */
  lines?: string[];
  /** A grey image covering the page, width × height pixels (a scanned page). */
  image?: { width: number; height: number };
  /** Raw content-stream bytes appended after the text (for hostile pages). */
  extraContent?: string;
}

export interface PdfOptions {
  /** Put the page tree, pages and fonts in a compressed object stream, with an xref stream. */
  objectStreams?: boolean;
  /** Encrypt with RC4 40-bit; a non-empty user password makes readers ask for it. */
  encrypt?: { user: string; owner: string };
  /** Compress content streams with Flate. */
  compress?: boolean;
}

interface PdfObject {
  num: number;
  dict: string;
  stream?: Buffer;
  /** May live in an object stream (no stream objects may). */
  inObjStm?: boolean;
}

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

function textContent(lines: string[], used: Set<number>): string {
  const ops: string[] = ['BT', '/F1 14 Tf'];
  lines.forEach((line, i) => {
    const codes = [...line].map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp > 0xffff) throw new Error('BMP characters only');
      used.add(cp);
      return hex4(cp);
    });
    ops.push(`1 0 0 1 50 ${780 - i * 24} Tm <${codes.join('')}> Tj`);
  });
  ops.push('ET');
  return ops.join('\n');
}

function toUnicodeCMap(used: Set<number>): string {
  const codes = [...used].sort((a, b) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

// --- RC4 / standard security handler (ISO 32000-1, 7.6.3, revision 2) ---
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let a = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 255;
    j = (j + s[a]!) & 255;
    [s[a], s[j]] = [s[j]!, s[a]!];
    out[k] = data[k]! ^ s[(s[a]! + s[j]!) & 255]!;
  }
  return out;
}

export function buildPdf(pages: PdfPage[], options: PdfOptions = {}): Buffer {
  const objects: PdfObject[] = [];
  let next = 1;
  const add = (dict: string, stream?: Buffer, inObjStm = true): number => {
    const num = next++;
    objects.push({ num, dict, ...(stream ? { stream } : {}), inObjStm: stream ? false : inObjStm });
    return num;
  };
  const catalog = add('');
  const pagesNum = add('');
  const used = new Set<number>();
  const fontNum = add('');
  const pageNums: number[] = [];
  for (const page of pages) {
    const parts: string[] = [];
    let xobject = '';
    if (page.image) {
      const { width, height } = page.image;
      const pixels = Buffer.alloc(width * height);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) pixels[y * width + x] = (x * 7 + y * 3) % 64 < 32 ? 240 : 30;
      const data = deflateSync(pixels);
      const im = add(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`,
        data,
      );
      xobject = ` /XObject << /Im1 ${im} 0 R >>`;
      parts.push('q 595 0 0 842 0 0 cm /Im1 Do Q');
    }
    if (page.lines?.length) parts.push(textContent(page.lines, used));
    if (page.extraContent) parts.push(page.extraContent);
    let content = Buffer.from(parts.join('\n'), 'latin1');
    let filter = '';
    if (options.compress) {
      content = deflateSync(content);
      filter = ' /Filter /FlateDecode';
    }
    const contents = add(`<<${filter} /Length ${content.length} >>`, content);
    pageNums.push(
      add(
        `<< /Type /Page /Parent ${pagesNum} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontNum} 0 R >>${xobject} >> /Contents ${contents} 0 R >>`,
      ),
    );
  }
  const cmap = Buffer.from(toUnicodeCMap(used), 'latin1');
  const toUnicode = add(`<< /Length ${cmap.length} >>`, cmap);
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  );
  const cid = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
  );
  const set = (num: number, dict: string) => (objects.find((o) => o.num === num)!.dict = dict);
  set(catalog, `<< /Type /Catalog /Pages ${pagesNum} 0 R >>`);
  set(pagesNum, `<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>`);
  set(
    fontNum,
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );

  const id = md5(Buffer.from(`shegong-test-${pages.length}`));
  let encryptRef = '';
  let fileKey: Buffer | undefined;
  if (options.encrypt) {
    const ownerKey = md5(padded(options.encrypt.owner)).subarray(0, 5);
    const o = rc4(ownerKey, padded(options.encrypt.user));
    const p = Buffer.alloc(4);
    p.writeInt32LE(-44);
    fileKey = md5(padded(options.encrypt.user), o, p, id).subarray(0, 5);
    const u = rc4(fileKey, PAD);
    const enc = add(
      `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -44 >>`,
      undefined,
      false,
    );
    encryptRef = ` /Encrypt ${enc} 0 R`;
    for (const obj of objects) {
      if (!obj.stream) continue;
      const n = Buffer.from([obj.num & 255, (obj.num >> 8) & 255, (obj.num >> 16) & 255, 0, 0]);
      obj.stream = rc4(md5(fileKey, n).subarray(0, 10), obj.stream);
    }
  }

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const write = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    offset += buf.length;
  };
  const offsets = new Map<number, number>();
  const writeObject = (num: number, dict: string, stream?: Buffer) => {
    offsets.set(num, offset);
    write(`${num} 0 obj\n${dict}\n`);
    if (stream) {
      write('stream\n');
      write(stream);
      write('\nendstream\n');
    }
    write('endobj\n');
  };

  const packed = options.objectStreams
    ? objects.filter((o) => o.inObjStm && !(options.encrypt && o.dict.includes('/Filter /Standard')))
    : [];
  for (const obj of objects) if (!packed.includes(obj)) writeObject(obj.num, obj.dict, obj.stream);

  if (!options.objectStreams) {
    const xrefAt = offset;
    const size = next;
    const rows = ['0000000000 65535 f '];
    for (let n = 1; n < size; n++) rows.push(`${String(offsets.get(n) ?? 0).padStart(10, '0')} 00000 n `);
    write(
      `xref\n0 ${size}\n${rows.join('\n')}\ntrailer\n<< /Size ${size} /Root ${catalog} 0 R${encryptRef} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    );
    return Buffer.concat(chunks);
  }

  // Object stream: "num offset" pairs, then the objects' bodies.
  const objStmNum = next++;
  const bodies: string[] = [];
  const header: string[] = [];
  let at = 0;
  for (const obj of packed) {
    header.push(`${obj.num} ${at}`);
    const body = `${obj.dict}\n`;
    bodies.push(body);
    at += Buffer.byteLength(body, 'latin1');
  }
  const head = `${header.join(' ')}\n`;
  const objStmData = deflateSync(Buffer.from(head + bodies.join(''), 'latin1'));
  writeObject(
    objStmNum,
    `<< /Type /ObjStm /N ${packed.length} /First ${Buffer.byteLength(head, 'latin1')} /Filter /FlateDecode /Length ${objStmData.length} >>`,
    objStmData,
  );

  const xrefNum = next++;
  const size = next;
  const xrefAt = offset;
  const rows = Buffer.alloc(size * 7);
  for (let n = 0; n < size; n++) {
    const row = n * 7;
    const index = packed.findIndex((o) => o.num === n);
    if (n === 0) {
      rows[row] = 0;
      rows.writeUInt32BE(0, row + 1);
      rows.writeUInt16BE(65535, row + 5);
    } else if (index >= 0) {
      rows[row] = 2;
      rows.writeUInt32BE(objStmNum, row + 1);
      rows.writeUInt16BE(index, row + 5);
    } else {
      rows[row] = 1;
      rows.writeUInt32BE(n === xrefNum ? xrefAt : (offsets.get(n) ?? 0), row + 1);
      rows.writeUInt16BE(0, row + 5);
    }
  }
  const xrefData = deflateSync(rows);
  offsets.set(xrefNum, xrefAt);
  write(
    `${xrefNum} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root ${catalog} 0 R${encryptRef} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] /Filter /FlateDecode /Length ${xrefData.length} >>\nstream\n`,
  );
  write(xrefData);
  write(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** The lines of a 《教育部学历证书电子注册备案表》 look-alike (layout and labels as on 学信网's PDF). */
export function recordLines(
  fields: {
    name?: string;
    level?: string;
    major?: string;
    graduated?: string;
    validUntil?: string;
    code?: string;
    id?: string;
  } = {},
): string[] {
  return [
    '教育部学历证书电子注册备案表',
    '更新日期：2026年01月05日',
    `姓名 ${fields.name ?? '张三'} 性别 女`,
    `证件号码 ${fields.id ?? '11010519491231002X'}`,
    '入学日期 2016年09月01日',
    `毕（结）业日期 ${fields.graduated ?? '2020年06月30日'}`,
    '学校名称 某某大学',
    `专业 ${fields.major ?? '社会工作'}`,
    '学制 4年',
    `层次 ${fields.level ?? '本科'}`,
    '学历类别 普通高等教育',
    '学习形式 普通全日制',
    '证书编号 100011202005001234',
    `在线验证码 ${fields.code ?? 'A1B2C3D4E5F6G7H8'}`,
    `在线验证报告有效期至 ${fields.validUntil ?? '2026年08月31日'}`,
    '本表仅用于证明学历证书电子注册信息，登录学信网（www.chsi.com.cn）输入在线验证码进行查询。',
  ];
}
