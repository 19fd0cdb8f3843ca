/** A small timing harness: runs a function in a bounded loop and reports time per call. */

export interface Measurement {
  readonly name: string;
  readonly nsPerOp: number;
  readonly iterations: number;
}

/**
 * Calls `fn` repeatedly for about `budgetMs` (after a warm-up), never more than `maxIterations`
 * times, and returns the mean time per call. Bounded in both count and time.
 */
export function measure(name: string, fn: () => unknown, budgetMs = 400, maxIterations = 200_000): Measurement {
  const warmEnd = performance.now() + budgetMs / 4;
  for (let i = 0; i < maxIterations && performance.now() < warmEnd; i++) fn();
  let iterations = 0;
  const start = performance.now();
  const end = start + budgetMs;
  let sink: unknown;
  while (iterations < maxIterations && performance.now() < end) {
    for (let i = 0; i < 16; i++) sink = fn();
    iterations += 16;
  }
  const elapsed = performance.now() - start;
  if (sink === Symbol.for('never')) process.stdout.write('');
  return { name, nsPerOp: (elapsed * 1e6) / iterations, iterations };
}

export function formatTime(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** Prints a group of measurements with each one's speed relative to the anchor (first row). */
export function report(title: string, anchor: Measurement, others: readonly Measurement[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const m of [anchor, ...others]) {
    const ratio = anchor.nsPerOp / m.nsPerOp;
    const label = m === anchor ? 'anchor' : `${ratio.toFixed(2)}× ${ratio >= 1 ? 'faster' : 'slower'} than ${anchor.name}`;
    process.stdout.write(`  ${m.name.padEnd(34)} ${formatTime(m.nsPerOp).padStart(12)}   ${label}\n`);
  }
}
