/**
 * Selection for the conversion generator: which type pairs convert, field by field, and which
 * need a hand-written function. Kept apart from rendering so it can be tested on its own.
 */
import { CodegenError } from '../errors.js';
import { groupIdent, type ModelIndex } from '../model/lookup.js';
import type { FieldModel, PackageModel, StructModel, TypeRef } from '../model/types.js';

/** How one field's value travels from the source type to the destination type. */
export type ValuePlan =
  | { readonly kind: 'assign' }
  | { readonly kind: 'json' }
  | { readonly kind: 'deepcopy'; readonly pkg: string; readonly type: string }
  | { readonly kind: 'convert'; readonly function: string; readonly group: string; readonly fromVersion: string | null; readonly toVersion: string | null }
  | { readonly kind: 'array'; readonly elem: ValuePlan }
  | { readonly kind: 'map'; readonly value: ValuePlan };

export interface FieldPlan {
  readonly name: string;
  readonly plan: ValuePlan;
}

export interface SkippedField {
  readonly field: FieldModel;
  readonly reason: string;
}

/** One direction of one type pair. */
export interface ConversionPair {
  readonly from: StructModel;
  readonly to: StructModel;
  /** `autoConvert_v1_X_To_autoscaling_X` */
  readonly autoName: string;
  /** `Convert_v1_X_To_autoscaling_X` */
  readonly publicName: string;
  readonly fields: readonly FieldPlan[];
  readonly skipped: readonly SkippedField[];
  readonly handwritten: boolean;
}

/** The public conversion function name between two packages for a type name. */
export function conversionName(from: PackageModel, to: PackageModel, type: string): string {
  return `Convert_${ident(from)}_${type}_To_${ident(to)}_${type}`;
}

function ident(pkg: PackageModel): string {
  return pkg.version ?? groupIdent(pkg.groupDir);
}

/** Fields the scheme owns: never converted. */
function isTypeMetaField(struct: StructModel, field: FieldModel): boolean {
  return field.inlined && (field.name === 'apiVersion' || field.name === 'kind');
}

/**
 * All conversion pairs between a versioned package and its group's hub, both directions.
 * Throws CodegenError for a pair that skips fields and has no hand-written function.
 */
export function selectPairs(index: ModelIndex, versioned: PackageModel, hub: PackageModel): { pairs: ConversionPair[]; errors: CodegenError[] } {
  const pairs: ConversionPair[] = [];
  const errors: CodegenError[] = [];
  const hubStructs = new Map(
    hub.types.filter((t): t is StructModel => t.kind === 'struct').map((t) => [t.id.name, t]),
  );
  const handwritten = new Set(versioned.handwritten.conversions);
  for (const type of versioned.types) {
    if (type.kind !== 'struct') continue;
    const peer = hubStructs.get(type.id.name);
    if (!peer) continue;
    for (const [from, to, fromPkg, toPkg] of [
      [type, peer, versioned, hub],
      [peer, type, hub, versioned],
    ] as const) {
      const publicName = conversionName(fromPkg, toPkg, type.id.name);
      const isHandwritten = handwritten.has(publicName);
      const autoName = `auto${publicName}`;
      if (type.noAutoConversion || peer.noAutoConversion) {
        if (!isHandwritten) {
          errors.push(new CodegenError(from.location, from.id.name, `+k8s:conversion-gen=false requires a hand-written ${publicName} in ${versioned.dir}/conversion.ts`));
        }
        continue;
      }
      const fields: FieldPlan[] = [];
      const skipped: SkippedField[] = [];
      for (const field of from.fields) {
        if (isTypeMetaField(from, field)) continue;
        const target = to.fields.find((f) => f.name === field.name);
        if (!target) {
          skipped.push({ field, reason: 'does not exist in peer type' });
          continue;
        }
        if (field.noAutoConversion || target.noAutoConversion) {
          skipped.push({ field, reason: '+k8s:conversion-gen=false' });
          continue;
        }
        const plan = planValue(index, field.type, target.type);
        if (!plan) {
          skipped.push({ field, reason: `types differ (${describe(field.type)} vs ${describe(target.type)})` });
          continue;
        }
        fields.push({ name: field.name, plan });
      }
      if (skipped.length > 0 && !isHandwritten) {
        for (const { field, reason } of skipped) {
          errors.push(
            new CodegenError(
              field.location,
              `${from.id.pkg}.${from.id.name}.${field.name}`,
              `requires manual conversion (${reason}): write ${publicName} in ${versioned.dir}/conversion.ts`,
            ),
          );
        }
      }
      pairs.push({ from, to, autoName, publicName, fields, skipped, handwritten: isHandwritten });
    }
  }
  return { pairs, errors };
}

/** How to move a value of type `from` into a field of type `to`, or undefined if it cannot. */
export function planValue(index: ModelIndex, from: TypeRef, to: TypeRef): ValuePlan | undefined {
  const a = index.resolve(from);
  const b = index.resolve(to);
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (a.name !== b.name) return undefined;
    return a.name === 'RawExtension' || a.name === 'FieldsV1' || a.name === 'JSON' ? { kind: 'json' } : { kind: 'assign' };
  }
  if (a.kind === 'array' && b.kind === 'array') {
    const elem = planValue(index, a.elem, b.elem);
    return elem ? { kind: 'array', elem } : undefined;
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const value = planValue(index, a.value, b.value);
    return value ? { kind: 'map', value } : undefined;
  }
  const isStringish = (ref: TypeRef): boolean =>
    (ref.kind === 'scalar' && ref.name === 'string') || (ref.kind === 'named' && index.type(ref.ref).kind === 'enum');
  if (isStringish(a) && isStringish(b)) return { kind: 'assign' };
  if (a.kind !== 'named' || b.kind !== 'named') return undefined;
  const ta = index.type(a.ref);
  const tb = index.type(b.ref);
  if (ta.kind !== 'struct' || tb.kind !== 'struct') return undefined;
  if (a.ref.pkg === b.ref.pkg && a.ref.name === b.ref.name) return { kind: 'deepcopy', pkg: a.ref.pkg, type: a.ref.name };
  if (a.ref.name !== b.ref.name) return undefined;
  // A versioned type and the hub type of the same name in the same group.
  const pa = index.pkg(a.ref.pkg);
  const pb = index.pkg(b.ref.pkg);
  if (pa.groupDir !== pb.groupDir || (pa.version === null) === (pb.version === null)) return undefined;
  return {
    kind: 'convert',
    function: conversionName(pa, pb, a.ref.name),
    group: pa.groupDir,
    fromVersion: pa.version,
    toVersion: pb.version,
  };
}

function describe(ref: TypeRef): string {
  switch (ref.kind) {
    case 'scalar':
      return ref.name;
    case 'named':
      return `${ref.ref.pkg}.${ref.ref.name}`;
    case 'array':
      return `${describe(ref.elem)}[]`;
    case 'map':
      return `Record<string, ${describe(ref.value)}>`;
  }
}
