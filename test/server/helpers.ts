/** Starts a GenericAPIServer in process on a free loopback port, for HTTP-level tests. */
import { Config } from '../../runtime/server/config.js';
import type { GenericAPIServer, PreparedGenericAPIServer } from '../../runtime/server/server.js';

export interface Running {
  readonly url: string;
  readonly server: GenericAPIServer;
  readonly prepared: PreparedGenericAPIServer;
  stop(): Promise<void>;
}

export function testConfig(configure?: (config: Config) => void): Config {
  const config = new Config();
  configure?.(config);
  return config;
}

export async function startServer(server: GenericAPIServer): Promise<Running> {
  const prepared = server.prepareRun();
  const address = await prepared.start({ host: '127.0.0.1', port: 0 });
  return { url: `http://127.0.0.1:${address.port}`, server, prepared, stop: () => prepared.shutdown() };
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(url, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
