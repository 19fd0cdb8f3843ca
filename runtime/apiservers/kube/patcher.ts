/**
 * PATCH for the built-in kinds: machinery/patch's JSON, merge and strategic merge patch, the
 * strategic metadata of each kind read from every `generated/<group>/<version>/patch.generated`.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PatchApplier } from '../../endpoints/handlers/scope.js';
import { applyPatch, PATCH_TYPES, type JsonValue, type KindPatchMeta } from '../../machinery/patch/index.js';
import { GENERATED_DIR } from './hooks.js';

function moduleFile(base: string): string | undefined {
  return ['.js', '.ts'].map((ext) => base + ext).find((file) => existsSync(file));
}

/** Strategic merge patch metadata by `group/version/Kind`. */
export async function loadPatchMeta(dir = GENERATED_DIR): Promise<Map<string, KindPatchMeta>> {
  const out = new Map<string, KindPatchMeta>();
  if (!existsSync(dir)) return out;
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const register = moduleFile(path.join(dir, folder, 'register.generated'));
    if (!register) continue;
    const groupInfo = ((await import(pathToFileURL(register).href)) as { groupInfo?: { name: string } }).groupInfo;
    if (!groupInfo) continue;
    for (const version of readdirSync(path.join(dir, folder), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      const file = moduleFile(path.join(dir, folder, version, 'patch.generated'));
      if (!file) continue;
      const module = (await import(pathToFileURL(file).href)) as { patchMetaByKind?: Record<string, KindPatchMeta> };
      for (const [kind, meta] of Object.entries(module.patchMetaByKind ?? {})) out.set(`${groupInfo.name}/${version}/${kind}`, meta);
    }
  }
  return out;
}

/** A PatchApplier over machinery/patch; strategic merge patch for the kinds `meta` describes. */
export function machineryPatcher(meta: ReadonlyMap<string, KindPatchMeta>): PatchApplier {
  const key = (gvk: { group: string; version: string; kind: string }): string => `${gvk.group}/${gvk.version}/${gvk.kind}`;
  return {
    apply(kind, original, patch, gvk, options) {
      return applyPatch(PATCH_TYPES[kind], original as JsonValue, patch, { meta: meta.get(key(gvk)), strict: options.strict });
    },
    supportsStrategic: (gvk) => meta.has(key(gvk)),
  };
}
