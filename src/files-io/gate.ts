/**
 * A gate lets at most `limit` runs through at once; the others wait their turn. The limit is read
 * on each call because it comes from the rule set (the PDF readers, the decodes in flight), or is
 * 1 for work that must not overlap (fixes, model calls).
 */
export interface Gate {
  /**
   * Wait for a place; the returned function gives it back (call it exactly once). `first`: wait
   * ahead of the ordinary waiters (in arrival order among the `first` ones).
   */
  enter(limit: number, first?: boolean): Promise<() => void>;
  /** Run `work` once a place is free, and give the place back however it ends. */
  run<T>(limit: number, work: () => Promise<T>, first?: boolean): Promise<T>;
}

export function createGate(): Gate {
  let inside = 0;
  const waitingFirst: (() => void)[] = [];
  const waiting: (() => void)[] = [];
  const enter = async (limit: number, first = false) => {
    const queue = first ? waitingFirst : waiting;
    // Re-check after waking: a newcomer may have taken the place that was given back.
    while (inside >= Math.max(1, limit)) await new Promise<void>((resolve) => queue.push(resolve));
    inside += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      inside -= 1;
      (waitingFirst.shift() ?? waiting.shift())?.();
    };
  };
  return {
    enter,
    async run(limit, work, first) {
      const leave = await enter(limit, first);
      try {
        return await work();
      } finally {
        leave();
      }
    },
  };
}
