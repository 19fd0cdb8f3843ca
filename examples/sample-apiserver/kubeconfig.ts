/**
 * Reads the kubeconfig a delegating server reaches its core API server with
 * (`--authorization-kubeconfig`): the current context's server URL, CA and client certificate
 * (inline `*-data` or file paths, relative to the kubeconfig), or a bearer token.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ClusterConnection {
  readonly server: URL;
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly token?: string;
}

type Fields = Readonly<Record<string, unknown>>;

/** The `field` of the entry called `name` in a kubeconfig list (the first one when no name is set). */
function entry(list: unknown, name: string | undefined, field: string, file: string): Fields {
  const items = Array.isArray(list) ? (list as Fields[]) : [];
  const found = items.find((item) => item.name === name) ?? (name === undefined ? items[0] : undefined);
  const value = found?.[field];
  if (!value || typeof value !== 'object') throw new Error(`${file}: no ${field} ${name ?? ''} in the kubeconfig`);
  return value as Fields;
}

export function readKubeconfig(file: string): ClusterConnection {
  const config = parse(readFileSync(file, 'utf8')) as Fields | null;
  if (!config || typeof config !== 'object') throw new Error(`${file}: not a kubeconfig`);
  const dir = path.dirname(file);
  const contextName = typeof config['current-context'] === 'string' ? config['current-context'] : undefined;
  const context = entry(config['contexts'], contextName, 'context', file);
  const cluster = entry(config['clusters'], context['cluster'] as string | undefined, 'cluster', file);
  const user = entry(config['users'], context['user'] as string | undefined, 'user', file);
  const material = (fields: Fields, data: string, filePath: string): Buffer | undefined => {
    if (typeof fields[data] === 'string') return Buffer.from(fields[data], 'base64');
    if (typeof fields[filePath] === 'string') return readFileSync(path.resolve(dir, fields[filePath]));
    return undefined;
  };
  if (typeof cluster['server'] !== 'string') throw new Error(`${file}: the cluster has no server`);
  const server = new URL(cluster['server']);
  if (server.protocol !== 'https:') throw new Error(`${file}: the server ${cluster['server']} is not https`);
  return {
    server,
    ca: material(cluster, 'certificate-authority-data', 'certificate-authority'),
    cert: material(user, 'client-certificate-data', 'client-certificate'),
    key: material(user, 'client-key-data', 'client-key'),
    token: typeof user['token'] === 'string' ? user['token'] : undefined,
  };
}
