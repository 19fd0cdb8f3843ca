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

export interface Rate {
  readonly name: string;
  readonly ops: number;
  readonly perSecond: number;
}

/**
 * Runs `op` with `inFlight` concurrent callers until `budgetMs` passes or `maxOps` were started;
 * operations per second. Bounded in both count and time.
 */
export async function rate(name: string, inFlight: number, op: (i: number) => Promise<unknown>, budgetMs = 5000, maxOps = 200_000): Promise<Rate> {
  let next = 0;
  const start = performance.now();
  const end = start + budgetMs;
  const worker = async (): Promise<void> => {
    while (next < maxOps && performance.now() < end) await op(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { name, ops: next, perSecond: next / seconds };
}

/** Prints rates with each one's ratio to the anchor (first row). */
export function reportRates(title: string, anchor: Rate, others: readonly Rate[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const r of [anchor, ...others]) {
    const label = r === anchor ? 'anchor' : `${(r.perSecond / anchor.perSecond).toFixed(2)}× the anchor`;
    process.stdout.write(`  ${r.name.padEnd(52)} ${r.perSecond.toFixed(0).padStart(8)} /s  (${String(r.ops).padStart(7)} ops)  ${label}\n`);
  }
}

export interface Goal {
  readonly name: string;
  readonly value: number;
  readonly op: '≥' | '≤';
  readonly target: number;
  readonly unit: string;
  readonly met: boolean;
}

const goals: Goal[] = [];

/** Prints a measured figure against its goal and records it for the summary. */
export function goal(name: string, value: number, op: '≥' | '≤', target: number, unit = ''): Goal {
  const met = op === '≥' ? value >= target : value <= target;
  const g: Goal = { name, value, op, target, unit, met };
  goals.push(g);
  process.stdout.write(`  goal: ${name} ${op} ${target}${unit}: ${formatFigure(value)}${unit}  ${met ? 'met' : 'MISSED'}\n`);
  return g;
}

export function recordedGoals(): readonly Goal[] {
  return goals;
}

export function formatFigure(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/**
 * Runs each measurement `rounds` times, alternating between them so that load from elsewhere on
 * the machine falls on all of them alike, and keeps each one's best round (the least disturbed).
 */
export async function bestOfAlternating<T extends Rate>(rounds: number, runs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const best: (T | undefined)[] = runs.map(() => undefined);
  for (let round = 0; round < rounds; round++) {
    for (const [i, run] of runs.entries()) {
      const result = await run();
      if (!best[i] || result.perSecond > best[i].perSecond) best[i] = result;
    }
  }
  return best.map((b) => b!);
}
