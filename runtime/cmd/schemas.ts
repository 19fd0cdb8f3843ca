/**
 * The generated OpenAPI schema modules: every `generated/<group>/<version>/openapi.generated.*`,
 * found on disk so a group added by `npm run codegen` is served without editing this file.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SchemaModule } from '../endpoints/openapi/source.js';

export const GENERATED_DIR = fileURLToPath(new URL('../../generated/', import.meta.url));

export async function loadGeneratedSchemaModules(dir = GENERATED_DIR): Promise<SchemaModule[]> {
  const modules: SchemaModule[] = [];
  for (const group of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const version of readdirSync(path.join(dir, group), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      const base = path.join(dir, group, version, 'openapi.generated');
      const file = ['.js', '.ts'].map((ext) => base + ext).find(existsSync);
      if (!file) continue;
      const module = (await import(pathToFileURL(file).href)) as Partial<SchemaModule>;
      if (module.definitions && module.schemas) modules.push({ definitions: module.definitions, schemas: module.schemas });
    }
  }
  return modules;
}
