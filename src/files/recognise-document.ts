/**
 * What an education document says, from the text layer pdf.js read: which 学信网 report it is (or a
 * diploma scan, or something else), the holder, level, major, graduation and validity dates. The
 * phrases come from the rules (document.*). The 在线验证码 and any ID number are masked here, at the
 * only place that sees them: the raw text goes no further. Pure.
 */
import { maskIdNumber, validateIdNumber } from '../text/id-number.js';
import type { DocumentFacts } from '../model/files.js';
import type { DocumentField, RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import type { PdfPageText } from '../model/files.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label starts a line or follows white space, punctuation or a Latin letter or digit (never a CJK character, so 学位 does not match inside 教育学位). */
const BEFORE = '(?:^|(?<=[\\s:：，,;；|（()）A-Za-z0-9]))';

/** 在线验证码 A1B2C3D4E5F6G7H8 → A1************H8: enough to tell two reports apart, not to look one up. */
export function maskCode(code: string): string {
  if (code.length <= 4) return '*'.repeat(code.length);
  return `${code.slice(0, 2)}${'*'.repeat(code.length - 4)}${code.slice(-2)}`;
}

/** 2026年08月31日 / 2026-08-31 / 2026.8.31 → 2026-08-31; a month alone → YYYY-MM. */
export function parseDocumentDate(text: string): string | null {
  const m = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*(?:[月\-./]\s*(?:(\d{1,2})\s*日?)?)?/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return `${year}-${mm}`;
  const day = Number(m[3]);
  const iso = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

export function recogniseDocument(texts: PdfPageText[], ruleSet: RuleSet): DocumentFacts {
  const text = texts.map((page) => page.text).join('\n');
  const compact = text.replace(/\s+/g, '');
  const imageOnlyPages = texts.filter((page) => !page.text.trim() && page.images > 0).length;
  const textLayer = compact.length > 0;
  const kinds = ruleValue(ruleSet, 'document.kinds').kinds;
  const kind = textLayer
    ? (kinds.find((k) => k.titles.some((title) => compact.includes(title.replace(/\s+/g, ''))))?.id ?? null)
    : null;

  const labels = ruleValue(ruleSet, 'document.fields');
  const allLabels = Object.values(labels)
    .flat()
    .sort((a, b) => b.length - a.length);
  // A value ends at the next label, with or without white space before it (text layers run them together).
  const nextLabel = new RegExp(`\\s*(?:${allLabels.map(escapeRegExp).join('|')})`);
  const field = (name: DocumentField): string | null => {
    for (const label of labels[name]) {
      const re = new RegExp(`${BEFORE}${escapeRegExp(label)}[\\s:：]*([^\\n]+)`, 'm');
      const m = re.exec(text);
      if (!m?.[1]) continue;
      const rest = m[1];
      const cut = nextLabel.exec(rest.slice(1));
      const value = (cut ? rest.slice(0, cut.index + 1) : rest).trim();
      if (value) return value;
    }
    return null;
  };

  const levels = ruleValue(ruleSet, 'document.levels');
  const levelText = field('level') ?? field('degree');
  const levelWord = levelText ? levels.words.find((w) => levelText.includes(w.word)) : undefined;
  const major = field('major');
  const codeText = field('code');
  const code = codeText
    ? (/^[A-Za-z0-9]{4}(?:\s?[A-Za-z0-9]{2,})*/.exec(codeText)?.[0]?.replace(/\s/g, '') ?? null)
    : null;
  const validText = field('validUntil');
  const graduatedText = field('graduated');

  // Any valid ID number anywhere in the text, masked; the labelled one first.
  const labelledId = field('idNumber')?.replace(/\s/g, '') ?? '';
  const candidates = [labelledId, ...(text.match(/(?<![0-9A-Za-z])[1-8]\d{16}[\dXx](?![0-9A-Za-z])/g) ?? [])];
  const id = candidates.find((c) => c && validateIdNumber(c, '9999-12-31').ok);

  return {
    kind: kind ?? (!textLayer && imageOnlyPages > 0 ? 'scan' : null),
    textLayer,
    textChars: compact.length,
    imageOnlyPages,
    holder: field('holder')?.split(/\s/)[0] ?? null,
    level: levelWord?.education ?? null,
    levelText: levelWord?.word ?? null,
    major: major ? (major.split(/\s/)[0] ?? null) : null,
    socialWork: major ? levels.socialWorkMajors.some((name) => major.includes(name)) : null,
    graduated: graduatedText ? parseDocumentDate(graduatedText) : null,
    validUntil: validText ? parseDocumentDate(validText) : null,
    code: code ? maskCode(code) : null,
    idNumber: id ? maskIdNumber(id.toUpperCase()) : null,
  };
}
