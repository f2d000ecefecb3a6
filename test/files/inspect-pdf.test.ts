import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectPdf, type PdfFacts } from '../../src/files/inspect-pdf.js';

/** Builds a PDF as a latin1 string, tracking byte offsets so xref tables and startxref are exact. */
class PdfWriter {
  text: string;
  private readonly offsets = new Map<number, number>();
  private lastXref: number | null = null;

  constructor(version = '1.7', prefix = '') {
    this.text = `${prefix}%PDF-${version}\n%\xE2\xE3\xCF\xD3\n`;
  }

  obj(num: number, body: string): this {
    this.offsets.set(num, this.text.length);
    this.text += `${num} 0 obj\n${body}\nendobj\n`;
    return this;
  }

  /** Classic cross-reference table + trailer + startxref + %%EOF (covers every object written so far). */
  xrefTable(trailerExtra = ''): this {
    const at = this.text.length;
    const size = Math.max(0, ...this.offsets.keys()) + 1;
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) {
      const off = this.offsets.get(n);
      table += off === undefined ? '0000000000 00000 f \n' : `${String(off).padStart(10, '0')} 00000 n \n`;
    }
    const prev = this.lastXref === null ? '' : ` /Prev ${this.lastXref}`;
    this.text += `${table}trailer\n<< /Size ${size} /Root 1 0 R${prev}${trailerExtra} >>\nstartxref\n${at}\n%%EOF\n`;
    this.lastXref = at;
    return this;
  }

  /** PDF 1.5 cross-reference stream as the next object number, then startxref + %%EOF. */
  xrefStream(dictExtra = ''): this {
    const num = Math.max(0, ...this.offsets.keys()) + 1;
    const at = this.text.length;
    this.offsets.set(num, at);
    const entry = (type: number, field2: number, field3: number) =>
      String.fromCharCode(
        type,
        (field2 >>> 24) & 255,
        (field2 >>> 16) & 255,
        (field2 >>> 8) & 255,
        field2 & 255,
        field3,
      );
    let data = entry(0, 0, 255);
    for (let n = 1; n <= num; n++) {
      const off = this.offsets.get(n);
      data += off === undefined ? entry(0, 0, 0) : entry(1, off, 0);
    }
    this.text +=
      `${num} 0 obj\n<< /Type /XRef /Size ${num + 1} /W [1 4 1] /Root 1 0 R${dictExtra} /Length ${data.length} >>\n` +
      `stream\n${data}\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`;
    return this;
  }

  /** A raw object whose body is given as latin1 (for binary stream data). */
  rawObj(num: number, dict: string, data: string): this {
    this.offsets.set(num, this.text.length);
    this.text += `${num} 0 obj\n${dict.replace('>>', ` /Length ${data.length} >>`)}\nstream\n${data}\nendstream\nendobj\n`;
    return this;
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.from(this.text, 'latin1'));
  }
}

const content = (text: string) => {
  const ops = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  return `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
};

/** Catalog 1, page tree 2, then `n` pages each with its own content stream. */
function pagedPdf(n: number, opts: { version?: string; trailerExtra?: string } = {}): PdfWriter {
  const w = new PdfWriter(opts.version ?? '1.7');
  const pageNums = Array.from({ length: n }, (_, i) => 3 + 2 * i);
  w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  w.obj(2, `<< /Type /Pages /Kids [${pageNums.map((p) => `${p} 0 R`).join(' ')}] /Count ${n} >>`);
  for (const p of pageNums) {
    w.obj(p, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${p + 1} 0 R >>`);
    w.obj(p + 1, content(`Page ${p}`));
  }
  return w.xrefTable(opts.trailerExtra);
}

const facts = (overrides: Partial<PdfFacts> & { bytes: number }): PdfFacts => ({
  header: true,
  version: '1.7',
  eof: true,
  xrefOk: true,
  encrypted: false,
  pages: 1,
  ...overrides,
});

const none = (bytes: number): PdfFacts => ({
  header: false,
  version: null,
  eof: false,
  xrefOk: false,
  encrypted: false,
  pages: null,
  bytes,
});

describe('well-formed PDFs', () => {
  it('a minimal 1-page PDF with an exact xref table', () => {
    const pdf = pagedPdf(1).bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ pages: 1, bytes: pdf.length }));
  });

  it('a 3-page PDF (version 1.4)', () => {
    const pdf = pagedPdf(3, { version: '1.4' }).bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.4', pages: 3, bytes: pdf.length }));
  });

  it('accepts a Buffer and a subarray view (bytes is the view length)', () => {
    const pdf = pagedPdf(2).bytes();
    expect(inspectPdf(Buffer.from(pdf))).toEqual(facts({ pages: 2, bytes: pdf.length }));
    const padded = new Uint8Array(pdf.length + 20);
    padded.set(pdf, 10);
    const view = padded.subarray(10, 10 + pdf.length);
    expect(inspectPdf(view)).toEqual(facts({ pages: 2, bytes: pdf.length }));
  });

  it('PDF 2.0 header', () => {
    const pdf = pagedPdf(1, { version: '2.0' }).bytes();
    expect(inspectPdf(pdf)).toMatchObject({ header: true, version: '2.0' });
  });
});

describe('truncated download', () => {
  it('a 3-page PDF cut in half keeps its header but loses %%EOF and startxref', () => {
    const full = pagedPdf(3).bytes();
    const half = full.slice(0, Math.floor(full.length / 2));
    // The page tree (/Count 3) sits near the start, so it survives the cut.
    expect(Buffer.from(half).toString('latin1')).toContain('/Count 3');
    expect(inspectPdf(half)).toEqual(facts({ eof: false, xrefOk: false, pages: 3, bytes: half.length }));
  });

  it('cut just before %%EOF: xref still found, eof missing', () => {
    const full = Buffer.from(pagedPdf(1).bytes()).toString('latin1');
    const cut = Buffer.from(full.slice(0, full.lastIndexOf('%%EOF')), 'latin1');
    expect(inspectPdf(cut)).toEqual(facts({ eof: false, xrefOk: true, pages: 1, bytes: cut.length }));
  });

  it('cut inside the xref table: no startxref', () => {
    const full = Buffer.from(pagedPdf(1).bytes()).toString('latin1');
    const cut = Buffer.from(full.slice(0, full.indexOf('xref\n0 ') + 20), 'latin1');
    expect(inspectPdf(cut)).toMatchObject({ header: true, eof: false, xrefOk: false, pages: 1 });
  });
});

describe('startxref', () => {
  const retarget = (text: string, offset: number) => text.replace(/startxref\n\d+/, `startxref\n${offset}`);

  it('pointing past the end of the file is not ok', () => {
    const text = Buffer.from(pagedPdf(1).bytes()).toString('latin1');
    const pdf = Buffer.from(retarget(text, text.length + 100), 'latin1');
    expect(inspectPdf(pdf)).toEqual(facts({ xrefOk: false, bytes: pdf.length }));
  });

  it('pointing at neither xref nor an object is not ok', () => {
    const text = Buffer.from(pagedPdf(1).bytes()).toString('latin1');
    const pdf = Buffer.from(retarget(text, text.indexOf('/MediaBox')), 'latin1');
    expect(inspectPdf(pdf)).toMatchObject({ eof: true, xrefOk: false });
  });

  it('pointing into the middle of an object number is not ok', () => {
    const w = new PdfWriter();
    for (let n = 1; n <= 12; n++) w.obj(n, n === 1 ? '<< /Type /Catalog /Pages 2 0 R >>' : '<< >>');
    w.xrefTable();
    const text = w.text;
    const pdf = Buffer.from(retarget(text, text.indexOf('12 0 obj') + 1), 'latin1');
    expect(inspectPdf(pdf).xrefOk).toBe(false);
  });

  it('pointing at an object header (xref stream) is ok', () => {
    const text = Buffer.from(pagedPdf(1).bytes()).toString('latin1');
    const pdf = Buffer.from(retarget(text, text.indexOf('2 0 obj')), 'latin1');
    expect(inspectPdf(pdf).xrefOk).toBe(true);
  });

  it('offsets counted from a %PDF header preceded by junk are tolerated', () => {
    const junk = `${'X'.repeat(100)}\n`;
    const w = new PdfWriter('1.6');
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R >>');
    w.xrefTable();
    const pdf = Buffer.from(junk + w.text, 'latin1');
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.6', bytes: pdf.length }));
  });
});

describe('header window', () => {
  it('%PDF- within the first 1024 bytes counts', () => {
    const pdf = Buffer.from(`${' '.repeat(1000)}%PDF-1.3\n`, 'latin1');
    expect(inspectPdf(pdf)).toMatchObject({ header: true, version: '1.3' });
  });

  it('%PDF- after the first 1024 bytes does not', () => {
    const pdf = Buffer.from(`${' '.repeat(1024)}%PDF-1.3\n`, 'latin1');
    expect(inspectPdf(pdf)).toMatchObject({ header: false, version: null });
  });

  it('%%EOF earlier than the last 2048 bytes does not count', () => {
    const text = Buffer.from(pagedPdf(1).bytes()).toString('latin1') + '\n'.repeat(2048);
    expect(inspectPdf(Buffer.from(text, 'latin1'))).toMatchObject({ eof: false, xrefOk: false });
  });
});

describe('encryption', () => {
  const encryptDict =
    '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1044 /O <0123456789abcdef> /U <fedcba9876543210> /EncryptMetadata true >>';

  it('a trailer with /Encrypt 5 0 R is encrypted', () => {
    const w = new PdfWriter('1.6');
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>');
    w.obj(4, '<< /Length 16 >>\nstream\n\x8a\x01\xff\x00\x13\x37\xc0\xde\x99\x42\x10\x20\x30\x40\x50\x60\nendstream');
    w.obj(5, encryptDict);
    w.xrefTable(' /Encrypt 5 0 R /ID [<0011> <0011>]');
    const pdf = w.bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.6', encrypted: true, pages: 1, bytes: pdf.length }));
  });

  it('/Encrypt with no space before the reference, in an incremental update trailer', () => {
    const w = pagedPdf(1);
    w.obj(9, encryptDict).xrefTable('/Encrypt 9 0 R');
    expect(inspectPdf(w.bytes()).encrypted).toBe(true);
  });

  it('/Encrypt outside a trailer or xref stream, and /EncryptMetadata, are not encryption', () => {
    const w = new PdfWriter();
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R /Encrypt 4 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R >>');
    w.obj(4, '<< /EncryptMetadata false >>');
    w.xrefTable();
    expect(inspectPdf(w.bytes())).toEqual(facts({ bytes: w.bytes().length }));
  });
});

describe('page counting', () => {
  it('/Type/Pages /Count 2 with two /Type/Page objects (no spaces, newline variants)', () => {
    const w = new PdfWriter('1.5');
    w.obj(1, '<</Type/Catalog/Pages 2 0 R>>');
    w.obj(2, '<</Type/Pages /Count 2/Kids[3 0 R 4 0 R]>>');
    w.obj(3, '<</Type/Page/Parent 2 0 R>>');
    w.obj(4, '<<\n/Type /Page\n/Parent 2 0 R\n>>');
    w.xrefTable();
    const pdf = w.bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.5', pages: 2, bytes: pdf.length }));
  });

  it('without any /Count, page objects are counted and /Pages is not', () => {
    const w = new PdfWriter('1.5');
    w.obj(1, '<</Type/Catalog/Pages 2 0 R>>');
    w.obj(2, '<</Type/Pages/Kids[3 0 R 4 0 R]>>');
    w.obj(3, '<</Type/Page/Parent 2 0 R>>');
    w.obj(4, '<</Type\t/Page>>');
    w.obj(5, '<</Type /PageLabel /S /D>>');
    w.xrefTable();
    expect(inspectPdf(w.bytes()).pages).toBe(2);
  });

  it('prefers the largest /Pages /Count (root of a nested tree) over page objects found', () => {
    const w = new PdfWriter();
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R /Outlines 9 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>');
    w.obj(3, '<< /Type /Pages /Parent 2 0 R /Kids [5 0 R] /Count 2 >>');
    w.obj(4, '<< /Type /Page /Parent 2 0 R >>');
    w.obj(5, '<< /Type /Page /Parent 3 0 R >>');
    w.obj(9, '<< /Type /Outlines /Count 40 >>');
    w.xrefTable();
    expect(inspectPdf(w.bytes()).pages).toBe(5);
  });

  it('an indirect /Count is ignored', () => {
    const w = new PdfWriter();
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 7 0 R >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R >>');
    w.obj(7, '1');
    w.xrefTable();
    expect(inspectPdf(w.bytes()).pages).toBe(1);
  });

  it('an incremental update that redefines the page tree wins over the original', () => {
    const w = pagedPdf(3);
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>').xrefTable();
    expect(inspectPdf(w.bytes())).toEqual(facts({ pages: 1, bytes: w.bytes().length }));
  });

  it('/Type /Page text inside stream data is not a page', () => {
    const w = new PdfWriter();
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>');
    w.rawObj(4, '<< >>', '% /Type /Page\n5 0 obj << /Type /Page >> endobj\n/Type /Pages /Count 9\n');
    w.xrefTable();
    expect(inspectPdf(w.bytes()).pages).toBe(1);
  });
});

describe('cross-reference streams (PDF 1.5)', () => {
  function xrefStreamPdf(dictExtra = ''): PdfWriter {
    const w = new PdfWriter('1.5');
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R >>');
    w.obj(4, '<< /Type /Page /Parent 2 0 R >>');
    w.obj(5, '<< /Producer (test) >>');
    return w.xrefStream(dictExtra); // becomes object 6
  }

  it('startxref pointing at "6 0 obj << /Type /XRef ... >>" is ok', () => {
    const w = xrefStreamPdf();
    const at = /startxref\n(\d+)/.exec(w.text)?.[1];
    expect(w.text.slice(Number(at))).toMatch(/^6 0 obj\n<< \/Type \/XRef/);
    const pdf = w.bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.5', pages: 2, bytes: pdf.length }));
  });

  it('/Encrypt in the xref-stream dictionary is encrypted', () => {
    const w = new PdfWriter('1.5');
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
    w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    w.obj(3, '<< /Type /Page /Parent 2 0 R >>');
    w.obj(4, '<< /Filter /Standard /V 4 /R 4 /Length 128 /P -4 /O <00> /U <00> >>');
    w.xrefStream(' /Encrypt 4 0 R /ID [<ab> <ab>]');
    const pdf = w.bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.5', encrypted: true, pages: 1, bytes: pdf.length }));
  });

  it('pages only inside a compressed object stream: pages is null', () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R >>',
    ];
    let body = '';
    const index: string[] = [];
    objects.forEach((o, i) => {
      index.push(`${i + 1} ${body.length}`);
      body += `${o}\n`;
    });
    const head = `${index.join(' ')}\n`;
    const packed = deflateSync(Buffer.from(head + body, 'latin1')).toString('latin1');
    const w = new PdfWriter('1.5');
    w.rawObj(4, `<< /Type /ObjStm /N 3 /First ${head.length} /Filter /FlateDecode >>`, packed);
    w.xrefStream(); // object 5 (entries for 1–3 are left as type 0 here; the inspector does not resolve them)
    const pdf = w.bytes();
    expect(inspectPdf(pdf)).toEqual(facts({ version: '1.5', pages: null, bytes: pdf.length }));
  });
});

describe('not a PDF', () => {
  it('a text file named .pdf', () => {
    const bytes = Buffer.from('Dear applicant,\nplease bring your ID card.\n', 'utf8');
    expect(inspectPdf(bytes)).toEqual(none(bytes.length));
  });

  it('empty bytes', () => {
    expect(inspectPdf(new Uint8Array(0))).toEqual(none(0));
  });

  it('a JPEG', () => {
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
      0x00, 0xff, 0xd9,
    ]);
    expect(inspectPdf(jpeg)).toEqual(none(jpeg.length));
  });
});

describe('never throws, stays linear', () => {
  /** Deterministic PRNG (mulberry32). */
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it('random bytes and random soups of PDF tokens', () => {
    const next = rng(42);
    const random = new Uint8Array(1 << 20).map(() => Math.floor(next() * 256));
    const r = inspectPdf(random);
    expect(r.bytes).toBe(random.length);

    const tokens = [
      '%PDF-1.7\n',
      '1 0 obj',
      ' ',
      '\n',
      '<<',
      '>>',
      '/Type',
      '/Page',
      '/Pages',
      '/Count',
      '/XRef',
      '/Encrypt',
      'trailer',
      'startxref',
      'stream\n',
      'endstream',
      'endobj',
      'xref',
      '%%EOF',
      '12',
      '0',
      'R',
      '\0',
      '\xff',
    ];
    for (let i = 0; i < 500; i++) {
      let s = '';
      const len = Math.floor(next() * 200);
      for (let j = 0; j < len; j++) s += tokens[Math.floor(next() * tokens.length)];
      const bytes = Buffer.from(s, 'latin1');
      const f = inspectPdf(bytes);
      expect(f.bytes).toBe(bytes.length);
      expect(f.version === null).toBe(!f.header);
      expect(f.pages === null || (Number.isSafeInteger(f.pages) && f.pages >= 0)).toBe(true);
    }
  });

  it.each([
    ['digits', '1'],
    ['number pairs', '1 0 '],
    ['unterminated objects', '1 0 obj /Type /Page '],
    ['trailers', 'trailer '],
    ['type keys', '/Type '],
    ['counts', '/Count 1 0 '],
    ['open streams', 'stream\n'],
    ['whitespace', ' '],
    ['zero bytes', '\0'],
  ])(
    '8 MB of %s',
    (_, unit) => {
      const bytes = Buffer.from(unit.repeat(Math.ceil((8 << 20) / unit.length)), 'latin1');
      // What is asserted is that the scan ends on hostile repetition with a verdict; a scan that went
      // quadratic would not end within the test's time limit (a hang guard, not a speed target:
      // speed is measured by npm run bench).
      const f = inspectPdf(bytes);
      expect(f.bytes).toBe(bytes.length);
      expect(f.header).toBe(false);
    },
    60_000,
  );

  it('a 50 MB buffer', () => {
    const head = Buffer.from(pagedPdf(1).text, 'latin1');
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(head.subarray(0, 200));
    const f = inspectPdf(big);
    expect(f).toMatchObject({ header: true, eof: false, xrefOk: false, bytes: big.length });
  });

  it('not even a Uint8Array at run time', () => {
    expect(() => inspectPdf(null as unknown as Uint8Array)).not.toThrow();
    expect(inspectPdf(null as unknown as Uint8Array)).toEqual(none(0));
  });
});
