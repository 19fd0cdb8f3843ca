/**
 * A kube tier over the generated scheme and SQLite in a temp dir, for the core kinds' tests:
 * JSON requests, Table requests, and the cells of a Table by column name.
 */
import assert from 'node:assert/strict';
import { installAll } from '../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../runtime/machinery/scheme.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { request, TABLE_ACCEPT, type Response } from '../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../server/helpers.js';
import { tempDir } from '../storage/support/temp-dir.js';

export type Obj = Record<string, unknown>;

export interface CoreServer {
  readonly url: string;
  /** The SQLite file under the server, for what HTTP does not show (expiry). */
  readonly databaseFile: string;
  /** A JSON request; `body` is sent as JSON unless it is a string. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POSTs and asserts 201; the created object. */
  create(path: string, body: Obj): Promise<Obj>;
  /** GETs a Table and asserts 200. */
  table(path: string): Promise<Table>;
  close(): Promise<void>;
}

export interface Table {
  readonly columns: string[];
  readonly definitions: Obj[];
  readonly rows: unknown[][];
  /** The cells of the row whose Name cell is `name`, by column name. */
  row(name: string): Record<string, unknown>;
}

function tableOf(json: Obj): Table {
  assert.equal(json['kind'], 'Table', JSON.stringify(json));
  const definitions = (json['columnDefinitions'] as Obj[] | undefined) ?? [];
  const columns = definitions.map((c) => c['name'] as string);
  const rows = ((json['rows'] as Obj[] | undefined) ?? []).map((r) => r['cells'] as unknown[]);
  const nameIndex = columns.indexOf('Name');
  return {
    columns,
    definitions,
    rows,
    row(name) {
      const cells = rows.find((r) => r[nameIndex] === name);
      assert.ok(cells, `no row named ${name} in ${JSON.stringify(rows)}`);
      return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
    },
  };
}

export async function startCoreServer(): Promise<CoreServer> {
  const scheme = new Scheme();
  installAll(scheme);
  const dir = tempDir('core');
  const storage: SqliteStorage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
  const kube: KubeAPIServer = await createKubeAPIServer(testConfig().complete(), { scheme, storage });
  const running: Running = await startServer(kube.server);
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    request(`${running.url}${path}`, method, body, headers);
  return {
    url: running.url,
    databaseFile: `${dir.dir}/kapi.db`,
    call,
    async create(path, body) {
      const res = await call('POST', path, body);
      assert.equal(res.status, 201, res.text);
      return res.json();
    },
    async table(path) {
      const res = await call('GET', path, undefined, { Accept: TABLE_ACCEPT });
      assert.equal(res.status, 200, res.text);
      return tableOf(res.json());
    },
    async close() {
      await running.stop();
      await kube.close();
      await storage.close();
      dir.remove();
    },
  };
}

/** An RFC 3339 time `seconds` ago, whole seconds as metav1.Time writes it. */
export function secondsAgo(seconds: number): string {
  return `${new Date(Date.now() - seconds * 1000).toISOString().slice(0, 19)}Z`;
}
