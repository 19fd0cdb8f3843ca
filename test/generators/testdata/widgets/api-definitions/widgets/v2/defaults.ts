import type { Port } from './types.js';

/** Ports speak TCP unless told otherwise. */
export function SetDefaults_Port(port: Port): void {
  if (port.protocol === undefined) port.protocol = 'TCP';
}
