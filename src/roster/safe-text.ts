/**
 * Text from a roster as it may be: ID numbers anywhere, lone UTF-16 surrogates, NUL
 * bytes, newlines, names of any length. Pure functions; every batch output goes through them.
 */

/**
 * A whole ID number inside any text: 18 characters (17 digits + digit/X) or the old 15 digits,
 * not part of a longer run of letters or digits. Masked as 110105********0021.
 */
const ID_RUN = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** Keeps the first 6 and last 4 characters, as the ID column's mask does. */
export function maskIds(text: string): string {
  return text.replace(
    ID_RUN,
    (whole: string) => `${whole.slice(0, 6)}${'*'.repeat(whole.length - 10)}${whole.slice(-4)}`,
  );
}

/** Every string inside a JSON-able value, masked (objects rebuilt, nothing else changed). */
export function maskIdsDeep<T>(value: T): T {
  if (typeof value === 'string') return maskIds(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskIdsDeep(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = maskIdsDeep(item);
    return out as T;
  }
  return value;
}

/** Lone surrogates become U+FFFD, so encodeURI, JSON and file systems accept the text. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Control characters (NUL, newlines, tabs, DEL) as one space: a name is one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return wellFormed(text)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .trim();
}

/**
 * Characters that change how a name is shown without being seen: bidi embeddings, overrides and
 * isolates, direction marks, zero-width spaces and joiners, the BOM. In a file name they make
 * `0004-\u202eexe.fdp李.html` read as `0004-lmth.李pdf.exe`.
 */
const INVISIBLE = /[\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3164\ufeff\uffa0]/g;

/** The text without invisible formatting characters (INVISIBLE). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * A name as one file-name part: one line, IDs masked, no path or shell-special characters, at most
 * `max` characters and never a split surrogate pair; 300-character names are cut, not refused.
 */
export function fileNamePart(text: string, max = 60): string {
  const clean = maskIds(oneLine(withoutInvisible(text)))
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  const cut = [...clean].slice(0, max).join('');
  return RESERVED.test(cut) ? `_${cut}` : cut;
}
