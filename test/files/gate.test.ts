import { describe, expect, it } from 'vitest';
import { createGate } from '../../src/files-io/gate.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createGate', () => {
  it('never lets more than the limit through, even when newcomers arrive as a place is given back', async () => {
    const gate = createGate();
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await tick();
      inside -= 1;
    };
    const runs: Promise<void>[] = [];
    for (let i = 0; i < 30; i += 1) {
      runs.push(gate.run(3, work));
      if (i % 4 === 0) await tick();
    }
    await Promise.all(runs);
    expect(most).toBe(3);
  });

  it('gives the place back when the work throws, and a second leave() is harmless', async () => {
    const gate = createGate();
    await expect(gate.run(1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const leave = await gate.enter(1);
    leave();
    leave();
    const order: number[] = [];
    await Promise.all([gate.run(1, async () => order.push(1)), gate.run(1, async () => order.push(2))]);
    expect(order).toEqual([1, 2]);
  });

  it('lets a `first` waiter in ahead of the ordinary ones, which keep their order', async () => {
    const gate = createGate();
    const leave = await gate.enter(1);
    const order: string[] = [];
    const runs = [
      gate.run(1, async () => order.push('fix 1')),
      gate.run(1, async () => order.push('fix 2')),
      gate.run(1, async () => order.push('read 1'), true),
      gate.run(1, async () => order.push('read 2'), true),
    ];
    await tick();
    leave();
    await Promise.all(runs);
    expect(order).toEqual(['read 1', 'read 2', 'fix 1', 'fix 2']);
  });
});
