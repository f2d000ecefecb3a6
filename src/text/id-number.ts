/**
 * 居民身份证号码 (GB 11643-1999): 17 digits + a check character (ISO 7064 MOD 11-2). Pure.
 * The weights and the check table are the standard's definition, not exam rules.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdVerdict =
  | { ok: true; normalised: string }
  | {
      ok: false;
      reason: 'empty' | 'mangled' | 'length' | 'characters' | 'birth-date' | 'check-digit';
      normalised: string;
    };

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

/** Excel turns 18-digit numbers into 1.10105E+17 or rounds them to …000. */
export function looksMangledByExcel(text: string): boolean {
  return /^\d(\.\d+)?e\+?\d+$/i.test(text) || (/^\d{16,18}$/.test(text) && /000$/.test(text) && !validChecksum(text));
}

/** Significant digits an Excel number keeps: the digits after the 15th of an 18-digit ID are lost. */
const EXCEL_DIGITS = 15;

/**
 * The digits of an ID number Excel damaged, as far as they are really there: `?` for each digit
 * it lost, `*` for the real digits after the first six (masked as usual). `4.40106E+17` →
 * `440106????????????`; `440106199203150000` → `440106*********???`.
 */
export function maskMangledId(text: string): string {
  const scientific = /^(\d)(?:\.(\d+))?e\+?(\d+)$/i.exec(text);
  const digits = scientific ? `${scientific[1]}${scientific[2] ?? ''}` : text;
  const length = scientific ? Number(scientific[3]) + 1 : text.length;
  const real = Math.min(digits.length, EXCEL_DIGITS, length);
  const shown = Math.min(6, real);
  return `${digits.slice(0, shown)}${'*'.repeat(real - shown)}${'?'.repeat(Math.max(0, length - real))}`;
}

/** The mask of any ID cell: a damaged one shows only digits really there. */
export const maskIdCell = (verdict: IdVerdict) =>
  !verdict.ok && verdict.reason === 'mangled' ? maskMangledId(verdict.normalised) : maskIdNumber(verdict.normalised);

const validChecksum = (id: string) => id.length === 18 && checkCharacter(id.slice(0, 17)) === id[17];

export function validateIdNumber(raw: string, today: string): IdVerdict {
  const normalised = raw.trim().replace(/\s+/g, '').toUpperCase();
  if (!normalised) return { ok: false, reason: 'empty', normalised };
  if (looksMangledByExcel(normalised)) return { ok: false, reason: 'mangled', normalised };
  if (normalised.length !== 18) return { ok: false, reason: 'length', normalised };
  if (!/^[1-8]\d{16}[\dX]$/.test(normalised)) return { ok: false, reason: 'characters', normalised };
  const birth = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth > today)
    return { ok: false, reason: 'birth-date', normalised };
  if (!validChecksum(normalised)) return { ok: false, reason: 'check-digit', normalised };
  return { ok: true, normalised };
}

/** 110105194912310021 → 110105********0021: never print or save a whole ID number. */
export function maskIdNumber(id: string): string {
  const clean = id.trim();
  if (clean.length < 10) return '*'.repeat(clean.length);
  return `${clean.slice(0, 6)}${'*'.repeat(clean.length - 10)}${clean.slice(-4)}`;
}
