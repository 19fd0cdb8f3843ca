/**
 * The naming controller's decision (apiextensions-apiserver's pkg/controller/status/
 * naming_controller.go) as a pure function: which of a CRD's requested names it may have, given
 * the names already accepted for other CRDs of its group (and the built-in resources of that
 * group), and its NamesAccepted and Established conditions. The establishing controller's step,
 * Established=True once names are accepted, is `establish`.
 */
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionCondition,
  CustomResourceDefinitionNames,
} from '../../../../api-definitions/apiextensions/v1/types.js';
import { goQuote } from '../../../machinery/errors.js';
import { findCondition, setCondition } from './conditions.js';

/** A resource served by another tier, whose names CRDs of the same group may not take. */
export interface BuiltinResource {
  readonly group: string;
  readonly plural: string;
  readonly singular?: string;
  readonly shortNames?: readonly string[];
  readonly kind: string;
}

export interface NamingResult {
  readonly acceptedNames: CustomResourceDefinitionNames;
  readonly namesAccepted: CustomResourceDefinitionCondition;
  readonly established: CustomResourceDefinitionCondition;
}

/**
 * Resource names and kinds already taken in the CRD's group by accepted names (its own included,
 * as upstream: a name it already holds passes the equal-to-accepted test first) and by built-ins.
 */
function namesInUse(crd: CustomResourceDefinition, all: readonly CustomResourceDefinition[], builtins: readonly BuiltinResource[]) {
  const resources = new Set<string>();
  const kinds = new Set<string>();
  const add = (set: Set<string>, ...names: (string | undefined)[]) => {
    for (const n of names) if (n) set.add(n);
  };
  for (const other of all) {
    if (other.spec?.group !== crd.spec.group) continue;
    const a = other.status?.acceptedNames;
    if (!a) continue;
    add(resources, a.plural, a.singular, ...(a.shortNames ?? []));
    add(kinds, a.kind, a.listKind);
  }
  for (const b of builtins) {
    if (b.group !== crd.spec.group) continue;
    add(resources, b.plural, b.singular, ...(b.shortNames ?? []));
    add(kinds, b.kind, `${b.kind}List`);
  }
  return { resources, kinds };
}

/** Upstream's equalToAcceptedOrFresh: a name is fine if it is already ours or nobody has it. */
function conflict(requested: string | undefined, accepted: string | undefined, used: ReadonlySet<string>): string | undefined {
  if ((requested ?? '') === (accepted ?? '')) return undefined;
  if (!requested || !used.has(requested)) return undefined;
  return `${goQuote(requested)} is already in use`;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === (b ?? [])[i]);

/** The accepted names and the NamesAccepted and Established conditions for `crd`. */
export function calculateNamesAndConditions(
  crd: CustomResourceDefinition,
  all: readonly CustomResourceDefinition[],
  builtins: readonly BuiltinResource[] = [],
): NamingResult {
  const { resources, kinds } = namesInUse(crd, all, builtins);
  const requested = crd.spec.names;
  const accepted: CustomResourceDefinitionNames = crd.status?.acceptedNames ?? { plural: '', kind: '' };
  const next: CustomResourceDefinitionNames = { ...accepted };
  let failure: { reason: string; message: string } | undefined;

  const check = (field: 'plural' | 'singular' | 'kind' | 'listKind', used: ReadonlySet<string>, reason: string) => {
    const problem = conflict(requested[field], accepted[field], used);
    if (problem) failure = { reason, message: problem };
    else next[field] = requested[field]!;
  };
  check('plural', resources, 'PluralConflict');
  check('singular', resources, 'SingularConflict');
  if (!sameList(requested.shortNames, accepted.shortNames)) {
    const mine = new Set(accepted.shortNames ?? []);
    const problems = (requested.shortNames ?? []).filter((s) => !mine.has(s)).map((s) => conflict(s, '', resources)).filter((p): p is string => p !== undefined);
    if (problems.length > 0) failure = { reason: 'ShortNamesConflict', message: problems.length === 1 ? problems[0] : `[${problems.join(', ')}]` };
    else next.shortNames = requested.shortNames;
  }
  check('kind', kinds, 'KindConflict');
  check('listKind', kinds, 'ListKindConflict');
  next.categories = requested.categories;
  for (const k of Object.keys(next) as (keyof CustomResourceDefinitionNames)[]) if (next[k] === undefined) delete next[k];

  const namesAccepted: CustomResourceDefinitionCondition = failure
    ? { type: 'NamesAccepted', status: 'False', reason: failure.reason, message: failure.message }
    : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };

  // Established turns True only in `establish`, after the accepted names have been stored, so
  // that the tier never serves names another CRD might still hold.
  let established: CustomResourceDefinitionCondition = findCondition(crd, 'Established') ?? {
    type: 'Established',
    status: 'False',
    reason: 'NotAccepted',
    message: 'not all names are accepted',
  };
  if (established.status !== 'True' && namesAccepted.status === 'True') {
    established = { type: 'Established', status: 'False', reason: 'Installing', message: 'the initial names have been accepted' };
  }
  return { acceptedNames: next, namesAccepted, established };
}

/** The CRD's status after the naming controller's pass, at time `now` (RFC 3339). */
export function reconcileNames(
  crd: CustomResourceDefinition,
  all: readonly CustomResourceDefinition[],
  builtins: readonly BuiltinResource[],
  now: string,
): CustomResourceDefinition['status'] {
  const r = calculateNamesAndConditions(crd, all, builtins);
  let conditions = setCondition(crd.status?.conditions, r.namesAccepted, now);
  conditions = setCondition(conditions, r.established, now);
  return { ...crd.status, acceptedNames: r.acceptedNames, conditions };
}

/** The establishing controller's step: Established=True once NamesAccepted is True; otherwise no change. */
export function establish(crd: CustomResourceDefinition, now: string): CustomResourceDefinition['status'] {
  const names = findCondition(crd, 'NamesAccepted');
  if (names?.status !== 'True' || findCondition(crd, 'Established')?.status === 'True') return crd.status;
  const conditions = setCondition(
    crd.status?.conditions,
    { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
    now,
  );
  return { ...crd.status, conditions };
}
