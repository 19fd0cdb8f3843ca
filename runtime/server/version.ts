/** /version: the version.Info JSON kubectl prints (`Server Version: v1.33.0+kapi…`). */
import { readFileSync } from 'node:fs';

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The Kubernetes minor release whose API kapi serves. */
export const KUBERNETES_VERSION = { major: '1', minor: '33', patch: '0' } as const;

function kapiVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The version this server reports: the Kubernetes release it is compatible with, and kapi's own
 * version as semver build metadata (`v1.33.0+kapi.0.1.0`), as distributions such as k3s do.
 */
export function defaultVersionInfo(): VersionInfo {
  const { major, minor, patch } = KUBERNETES_VERSION;
  return {
    major,
    minor,
    gitVersion: `v${major}.${minor}.${patch}+kapi.${kapiVersion()}`,
    gitCommit: '',
    gitTreeState: '',
    buildDate: '1970-01-01T00:00:00Z',
    goVersion: `node${process.version.replace(/^v/, '')}`,
    compiler: 'node',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
