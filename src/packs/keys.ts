/**
 * The keys a pack must be signed with. The maintainers' public key ships with the tool; its private
 * half never enters the repository (docs/data-packs.md says where it is kept and how it is used).
 *
 * Tests sign packs with a throwaway key they generate, trusted through `trustKeyForThisProcess`: a
 * function, not an environment variable or a file, so only code already running in this process
 * (the test itself) can add a key. A normal run of the CLI never calls it.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { keyId } from './pack-format.js';

export const MAINTAINER_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEALxKQ9sG3WB8/CZ6OnCdfSjiBNezs76DODA8x3xrS9o8=
-----END PUBLIC KEY-----
`;

/**
 * Kept on globalThis under a registered symbol so that a test's key survives the module reloads of
 * its in-process CLI runs (see the run-in-process test helper).
 */
const SLOT = Symbol.for('shegong.packs.extra-trusted-keys');
const holder = globalThis as { [SLOT]?: Map<string, KeyObject> };
const extra: Map<string, KeyObject> = (holder[SLOT] ??= new Map());

/** Test hook: trust one more public key, in this process only, until `forgetExtraKeys`. */
export function trustKeyForThisProcess(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const id = keyId(key);
  extra.set(id, key);
  return id;
}

export function forgetExtraKeys(): void {
  extra.clear();
}

/** Every key a pack may be signed with: the maintainers', and any a test added. */
export function trustedKeys(): ReadonlyMap<string, KeyObject> {
  const maintainer = createPublicKey(MAINTAINER_PUBLIC_KEY);
  return new Map([[keyId(maintainer), maintainer], ...extra]);
}
