/**
 * A signed data pack as bytes: parse, verify, sign, compare versions. Pure apart from node:crypto.
 * The signature covers the payload's exact UTF-8 bytes, so no canonical JSON is needed: a flipped
 * byte anywhere in the payload fails verification, one in the envelope fails parsing or the key.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Problem } from '../errors.js';
import { PACK_FILES, PACK_SCHEMA, type PackContent, type PackManifest, type SignedPack } from '../model/pack.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const VERSION = /^(\d{4})\.(\d{1,2})(?:\.(\d{1,3}))?$/;

/** A key's id: the first 16 hex digits of the SHA-256 of its DER (SPKI) form. */
export function keyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Version order: `2027.1` > `2026.12`, `2027.2.1` > `2027.2`. Negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (VERSION.exec(v) ?? []).slice(1, 4).map((p) => Number(p ?? 0));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

const problem = (key: string, args: Record<string, string> = {}): Problem => ({ key, args });

/** The manifest's own shape: every field present and well formed. */
export function manifestProblems(manifest: unknown): Problem[] {
  const m = manifest as Partial<PackManifest> | undefined;
  if (!m || typeof m !== 'object') return [problem('pack.manifest', { field: 'manifest' })];
  const bad: string[] = [];
  if (m.schema !== PACK_SCHEMA) bad.push('schema');
  if (typeof m.version !== 'string' || !VERSION.test(m.version)) bad.push('version');
  if (typeof m.checked !== 'string' || !DAY.test(m.checked)) bad.push('checked');
  if (typeof m.expires !== 'string' || !DAY.test(m.expires) || (m.checked && m.expires < m.checked))
    bad.push('expires');
  if (!Number.isInteger(m.examYear)) bad.push('examYear');
  if (!Array.isArray(m.sources) || m.sources.length === 0 || m.sources.some((x) => typeof x !== 'string' || !x))
    bad.push('sources');
  return bad.map((field) => problem('pack.manifest', { field }));
}

export type VerifyResult = { ok: true; content: PackContent; keyId: string } | { ok: false; problem: Problem };

/**
 * A pack file's bytes → its content, if it parses, names a trusted key, its signature holds and
 * it carries every file. `trusted` maps key ids to public keys.
 */
export function openSignedPack(bytes: Uint8Array, trusted: ReadonlyMap<string, KeyObject>): VerifyResult {
  let envelope: Partial<SignedPack>;
  try {
    envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<SignedPack>;
  } catch {
    return { ok: false, problem: problem('pack.not-a-pack') };
  }
  const signature = envelope?.signature;
  if (
    envelope?.schema !== PACK_SCHEMA ||
    typeof envelope.payload !== 'string' ||
    signature?.algorithm !== 'ed25519' ||
    typeof signature.keyId !== 'string' ||
    typeof signature.value !== 'string'
  )
    return { ok: false, problem: problem('pack.not-a-pack') };
  const key = trusted.get(signature.keyId);
  if (!key) return { ok: false, problem: problem('pack.untrusted-key', { keyId: signature.keyId }) };
  const valid = verify(null, Buffer.from(envelope.payload, 'utf8'), key, Buffer.from(signature.value, 'base64'));
  if (!valid) return { ok: false, problem: problem('pack.bad-signature') };
  let content: PackContent;
  try {
    content = JSON.parse(envelope.payload) as PackContent;
  } catch {
    return { ok: false, problem: problem('pack.not-a-pack') };
  }
  const manifest = manifestProblems(content?.manifest);
  if (manifest.length) return { ok: false, problem: manifest[0]! };
  const missing = PACK_FILES.find((file) => typeof content.files?.[file] !== 'object' || content.files[file] === null);
  if (missing) return { ok: false, problem: problem('pack.missing-file', { file: missing }) };
  return { ok: true, content, keyId: signature.keyId };
}

/** Sign a pack's content with a private key (the maintainer's script, and tests with a throwaway key). */
export function signPack(content: PackContent, privateKey: KeyObject | string): SignedPack {
  const payload = JSON.stringify(content);
  const value = sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64');
  const publicKey = createPublicKey(privateKey);
  return { schema: PACK_SCHEMA, payload, signature: { algorithm: 'ed25519', keyId: keyId(publicKey), value } };
}

/** The newest exam year whose exam date is published (the calendar's own years carry only published data). */
export function publishedThrough(calendar: unknown): number {
  const years = Object.keys((calendar as { years?: Record<string, unknown> })?.years ?? {}).map(Number);
  return years.length ? Math.max(...years) : 0;
}
