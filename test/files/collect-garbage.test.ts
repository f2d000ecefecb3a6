/** A full collection on request frees what only a weak reference still points at. */
import { expect, it } from 'vitest';
import { collectGarbage } from '../../src/files-io/collect-garbage.js';

it('after collectGarbage, an array only a WeakRef holds is gone', async () => {
  const ref = new WeakRef(new Float32Array(1 << 20));
  // A WeakRef's target lives until the end of the job that made it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  expect(ref.deref()).toBeUndefined();
});
