/**
 * Structured logs (pino, JSON lines on stderr) with klog's `-v` verbosity: 0 logs warnings,
 * errors and lifecycle events; 2 adds configuration and check failures; 3 logs every request
 * (as apiserver's httplog does); 5 and above add debug detail. Writes are synchronous, as
 * klog's are, so nothing is lost when the process exits.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export interface LoggingOptions {
  /** klog's -v. */
  readonly verbosity: number;
  /** Where to write; standard error by default. */
  readonly destination?: DestinationStream;
}

/** pino level for a verbosity: info up to 4, debug for 5–7, trace for 8+. */
function levelFor(verbosity: number): string {
  if (verbosity >= 8) return 'trace';
  if (verbosity >= 5) return 'debug';
  return 'info';
}

export interface KapiLogger {
  readonly logger: Logger;
  readonly verbosity: number;
  /** klog.V(n).Enabled(). */
  v(level: number): boolean;
}

export function createLogger(options: LoggingOptions): KapiLogger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const logger = pino({ level: levelFor(options.verbosity), base: { component: 'kapi' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  return { logger, verbosity: options.verbosity, v: (level) => options.verbosity >= level };
}

/** A logger that writes nothing (tests). */
export function silentLogger(): KapiLogger {
  return { logger: pino({ level: 'silent' }), verbosity: 0, v: () => false };
}
