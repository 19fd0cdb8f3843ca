/**
 * Resident set size of a process from /proc (Linux): the current value, and a sampler that
 * records the peak while something runs (VmHWM cannot be reset reliably for another process).
 */
import { readFileSync } from 'node:fs';

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

export function rssBytes(pid: number): number {
  return statusField(pid, 'VmRSS');
}

export const MiB = 1024 * 1024;

export function formatMiB(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

/** Samples `pid`'s RSS every `intervalMs` while `work` runs; the highest value seen. */
export async function peakRssDuring<T>(pid: number, work: () => Promise<T>, intervalMs = 5): Promise<{ result: T; peak: number }> {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, intervalMs);
  try {
    const result = await work();
    peak = Math.max(peak, rssBytes(pid));
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}
