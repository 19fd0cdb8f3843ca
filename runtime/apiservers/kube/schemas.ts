/**
 * The OpenAPI v2 definitions of every generated group-version, merged, for field validation:
 * every `generated/<group>/<version>/openapi.generated` found on disk.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SchemaObject } from '../../endpoints/handlers/fields.js';
import { GENERATED_DIR } from './hooks.js';

export async function loadDefinitions(dir = GENERATED_DIR): Promise<Record<string, SchemaObject>> {
  const definitions: Record<string, SchemaObject> = {};
  if (!existsSync(dir)) return definitions;
  for (const group of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const version of readdirSync(path.join(dir, group), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      const base = path.join(dir, group, version, 'openapi.generated');
      const file = ['.js', '.ts'].map((ext) => base + ext).find((f) => existsSync(f));
      if (!file) continue;
      const module = (await import(pathToFileURL(file).href)) as { definitions?: Record<string, SchemaObject> };
      Object.assign(definitions, module.definitions ?? {});
    }
  }
  return definitions;
}
