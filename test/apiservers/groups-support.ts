/** A kube tier over SQLite for the built-in groups' HTTP tests, with request helpers. */
import { installAll } from '../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../runtime/machinery/scheme.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { request, TABLE_ACCEPT, type Response } from '../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../server/helpers.js';
import { tempDir } from '../storage/support/temp-dir.js';

export type Obj = Record<string, unknown>;

export interface GroupsServer {
  readonly url: string;
  post(path: string, body: Obj): Promise<Response>;
  put(path: string, body: Obj): Promise<Response>;
  get(path: string): Promise<Response>;
  /** GET as kubectl asks for a Table. */
  table(path: string): Promise<Table>;
  stop(): Promise<void>;
}

export interface Table {
  columnDefinitions: { name: string; type: string; format: string; priority: number }[];
  rows: { cells: unknown[] }[];
}

export async function startGroupsServer(name: string): Promise<GroupsServer> {
  const scheme = new Scheme();
  installAll(scheme);
  const dir = tempDir(name);
  const storage: SqliteStorage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
  const kube: KubeAPIServer = await createKubeAPIServer(testConfig().complete(), { scheme, storage });
  const running: Running = await startServer(kube.server);
  const url = running.url;
  return {
    url,
    post: (path, body) => request(`${url}${path}`, 'POST', body),
    put: (path, body) => request(`${url}${path}`, 'PUT', body),
    get: (path) => request(`${url}${path}`, 'GET'),
    async table(path) {
      const res = await request(`${url}${path}`, 'GET', undefined, { Accept: TABLE_ACCEPT });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
      return res.json() as unknown as Table;
    },
    async stop() {
      await running.stop();
      await kube.close();
      await storage.close();
      dir.remove();
    },
  };
}

/** The column names of a Table, wide-only ones marked with `*`. */
export function columnNames(table: Table): string[] {
  return table.columnDefinitions.map((c) => (c.priority > 0 ? `${c.name}*` : c.name));
}
