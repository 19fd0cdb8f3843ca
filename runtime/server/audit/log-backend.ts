/** `--audit-log-path`: audit events as JSON lines appended to a file (`-` is standard output). */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuditBackend, AuditEvent } from './types.js';

export function logAuditBackend(file: string): AuditBackend {
  if (file === '-') {
    return { processEvent: (event: AuditEvent) => void process.stdout.write(`${JSON.stringify(event)}\n`) };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file, { flags: 'a' });
  stream.on('error', () => {}); // an audit write failure must not take the server down
  return {
    processEvent: (event) => void stream.write(`${JSON.stringify(event)}\n`),
    shutdown: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}
