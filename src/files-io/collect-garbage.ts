/**
 * A full garbage collection, on request. V8 frees an ArrayBuffer's memory only when it collects
 * the object, and starts a collection for ArrayBuffers only once 64 MB more are held than after
 * the last one (README, Memory): a scan's fix makes raw pixel buffers of 20–30 MB each (a 12 MP
 * phone shot of an A4 page resized to 300 dpi is 9.2 MP, 27.7 MB), so two fixes' dead buffers
 * could wait together. The fixes call this when they made that much; a collection takes about
 * 10 ms with the photo models loaded (7–10 ms measured on a 16 MB heap), against the second or
 * more an A4 page's fix takes.
 *
 * `--expose-gc` is set at run time (the built-ins loaded by then keep their code cache; one loaded
 * later compiles without it, about 2 ms) and `gc` is read from a new context, the way to reach
 * it without a flag on the command line. Where no `gc` comes back, nothing is collected. (With
 * `node --freeze-flags-after-init` setting a flag aborts the process, as the worker's heap
 * setting already would: that flag can only come from a command line the launcher does not use.)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found = runInNewContext('gc') as unknown;
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
