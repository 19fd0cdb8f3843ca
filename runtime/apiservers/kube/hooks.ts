/**
 * The per-group strategy hooks and validation functions under `api-definitions/<group>/`, found
 * on disk so that adding a group touches only its own folder:
 *
 *   api-definitions/<group>/strategy.ts    export const strategies: GroupStrategies
 *   api-definitions/<group>/validation.ts  export function validate<Kind>(obj), validate<Kind>Update(obj, old),
 *                                          validate<Kind>StatusUpdate(obj, old)
 *
 * The group's folder is the folder of its generated `register.generated` module.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FieldError } from '../../machinery/errors.js';
import type { KObject } from '../../registry/meta.js';
import type { GroupStrategies, KindStrategyHooks, KindValidationFunctions } from '../../registry/strategy.js';
import { withBuiltinDefaults } from './builtin-defaults.js';

export const GENERATED_DIR = fileURLToPath(new URL('../../../generated/', import.meta.url));
export const API_DEFINITIONS_DIR = fileURLToPath(new URL('../../../api-definitions/', import.meta.url));

/** What a group's folder supplies. */
export interface GroupHooks {
  readonly strategies: GroupStrategies;
  readonly validation: Readonly<Record<string, unknown>>;
}

/** The hooks and validation functions of one kind. */
export interface KindHooks {
  readonly hooks: KindStrategyHooks;
  readonly validation: KindValidationFunctions;
}

function moduleFile(base: string): string | undefined {
  return ['.js', '.ts'].map((ext) => base + ext).find((file) => existsSync(file));
}

async function importIfPresent(base: string): Promise<Record<string, unknown> | undefined> {
  const file = moduleFile(base);
  return file ? ((await import(pathToFileURL(file).href)) as Record<string, unknown>) : undefined;
}

/** The hooks of every group, keyed by API group name ('' for core). */
export async function loadGroupHooks(generatedDir = GENERATED_DIR, definitionsDir = API_DEFINITIONS_DIR): Promise<Map<string, GroupHooks>> {
  const out = new Map<string, GroupHooks>();
  if (!existsSync(generatedDir)) return out;
  for (const folder of readdirSync(generatedDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const register = await importIfPresent(path.join(generatedDir, folder, 'register.generated'));
    const groupInfo = register?.['groupInfo'] as { name?: string } | undefined;
    if (!groupInfo || typeof groupInfo.name !== 'string') continue;
    const strategyModule = await importIfPresent(path.join(definitionsDir, folder, 'strategy'));
    const validationModule = await importIfPresent(path.join(definitionsDir, folder, 'validation'));
    out.set(groupInfo.name, {
      strategies: (strategyModule?.['strategies'] as GroupStrategies | undefined) ?? {},
      validation: validationModule ?? {},
    });
  }
  return out;
}

type Validate = (object: KObject) => FieldError[];
type ValidateUpdate = (object: KObject, old: KObject) => FieldError[];

function fn<T>(module: Readonly<Record<string, unknown>>, ...names: string[]): T | undefined {
  for (const name of names) if (typeof module[name] === 'function') return module[name] as T;
  return undefined;
}

/**
 * A kind's hooks (over the built-in facts of BUILTIN_DEFAULTS) and `validate<Kind>` functions
 * (also accepted with upstream's capital V).
 */
export function kindHooks(groupName: string, group: GroupHooks | undefined, kind: string): KindHooks {
  const module = group?.validation ?? {};
  return {
    hooks: withBuiltinDefaults(groupName, kind, group?.strategies[kind] ?? {}),
    validation: {
      validate: fn<Validate>(module, `validate${kind}`, `Validate${kind}`),
      validateUpdate: fn<ValidateUpdate>(module, `validate${kind}Update`, `Validate${kind}Update`),
      validateStatusUpdate: fn<ValidateUpdate>(module, `validate${kind}StatusUpdate`, `Validate${kind}StatusUpdate`),
    },
  };
}
