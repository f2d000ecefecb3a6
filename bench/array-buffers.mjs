#!/usr/bin/env node
// Which typed arrays are held, live or dead but not yet collected, at the moment most bytes are:
// `node --max-semi-space-size=1 bench/array-buffers.mjs <shegong args…>` runs the built CLI on this
// thread (as the worker would, its young generation and heap growing factor alike) and prints, at
// exit, the largest total of arrays of 256 KB or more whose memory was not yet freed, by the two
// frames that allocated them. V8 frees an ArrayBuffer only when it collects its object, and starts
// a full collection for ArrayBuffers only once 64 MB more are held than after the last one, so a
// batch's dead arrays add up: this is how the matte planes of two or three fixes were found held
// at once (README, Memory). A diagnostic: typed arrays are subclassed, which is slower, and an
// array counts until its finalizer has run, a task after the collection that freed it, so a long
// synchronous stretch can overstate the peak a little. Exits with the command's code.
const MIN_BYTES = 256 * 1024;
const held = new Map();
let total = 0;
let most = { bytes: 0, sites: new Map() };
const freed = new FinalizationRegistry(({ site, bytes }) => {
  total -= bytes;
  held.set(site, held.get(site) - bytes);
});
function note(array) {
  if (array.byteLength < MIN_BYTES) return;
  const site = new Error().stack
    .split('\n')
    .slice(3, 5)
    .map((line) => line.trim().replace(/^at /, ''))
    .join(' < ');
  total += array.byteLength;
  held.set(site, (held.get(site) ?? 0) + array.byteLength);
  freed.register(array.buffer, { site, bytes: array.byteLength });
  if (total > most.bytes) most = { bytes: total, sites: new Map(held) };
}
for (const name of ['Float32Array', 'Float64Array', 'Int32Array', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array']) {
  const Base = globalThis[name];
  const Noted = class extends Base {
    // `x instanceof Float32Array` stays true for arrays made by the original (tfjs tests it).
    static [Symbol.hasInstance](value) {
      return value instanceof Base;
    }
    constructor(...args) {
      super(...args);
      // A new array of its own (a length, or a copy of values), not a view on another's memory.
      if (typeof args[0] === 'number' || (args[0] && typeof args[0] === 'object' && !(args[0] instanceof ArrayBuffer)))
        note(this);
    }
  };
  Object.defineProperty(Noted, 'name', { value: name });
  Noted.from = (...args) => {
    const array = Base.from(...args);
    note(array);
    return array;
  };
  globalThis[name] = Noted;
}
process.env.SHEGONG_WORKER = 'off';
const [{ main }, v8, { WORKER_HEAP_GROWING_PERCENT }] = await Promise.all([
  import('../dist/cli/main.js'),
  import('node:v8'),
  import('../dist/cli/launch.js'),
]);
v8.setFlagsFromString(`--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`);
process.stdout.write = () => true;
await main(process.argv.slice(2));
const mb = (bytes) => (bytes / 1048576).toFixed(1).padStart(6);
console.error(`\nmost held at once: ${mb(most.bytes)} MB`);
const sites = [...most.sites.entries()].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
for (const [site, bytes] of sites.slice(0, 15)) console.error(`${mb(bytes)} MB  ${site}`);
process.exit(process.exitCode ?? 0);
