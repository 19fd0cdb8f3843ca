/**
 * One CRD version's schema compiled once, for every request of that version: OpenAPI value
 * validation, list-type checks, CEL rules, pruning and defaulting, each over the same schema.
 */
import type { FieldError } from '../../../machinery/validation/field.js';
import { newPath } from '../../../machinery/validation/path.js';
import { compileSchemaRules, validateRules } from '../cel/validate.js';
import { applyDefaults } from './defaulting.js';
import { validateEmbeddedResources } from './embedded-resources.js';
import { validateListTypes } from './list-type.js';
import { prune } from './prune.js';
import type { Schema } from './schema.js';
import { validateValue } from './value-validation.js';

export interface CompiledVersionSchema {
  readonly schema: Schema;
  /** Rules that failed to compile; CRD validation refuses such a CRD, so these are normally empty. */
  readonly ruleErrors: readonly FieldError[];
  /**
   * The errors of a decoded, pruned and defaulted object: schema, embedded resources, list types, then the CEL rules
   * (which do not run when a value has the wrong type, as upstream's blocking errors). With `old`
   * (an update), transition rules run too.
   */
  validate(obj: unknown, old?: unknown): FieldError[];
  /** Drops unknown fields in place; returns their paths for warnings. */
  prune(obj: unknown): string[];
  /** Applies defaults in place. */
  default(obj: unknown): void;
  /** Decoding's order: prune, then default (defaults are pruned at CRD validation). */
  normalize(obj: unknown): string[];
}

export function compileVersionSchema(schema: Schema): CompiledVersionSchema {
  const rules = compileSchemaRules(schema, newPath('openAPIV3Schema'));
  return {
    schema,
    ruleErrors: rules.errors,
    validate(obj, old) {
      const errs = [...validateValue(schema, obj), ...validateEmbeddedResources(obj, schema), ...validateListTypes(obj, schema)];
      if (errs.some((e) => e.type === 'TypeInvalid')) return errs;
      return [...errs, ...validateRules(rules, schema, obj, old)];
    },
    prune: (obj) => prune(obj, schema, true),
    default: (obj) => applyDefaults(obj, schema),
    normalize(obj) {
      const pruned = prune(obj, schema, true);
      applyDefaults(obj, schema);
      return pruned;
    },
  };
}
