/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), the server half of
 * k8s.io/apimachinery/pkg/util/strategicpatch: StrategicMergeMapPatch with the options the
 * apiserver uses (parallel lists merged, unmatched nulls ignored).
 *
 * A patch is a partial object. Maps and structs merge key by key and `null` deletes. Lists are
 * replaced unless their field has `patchStrategy: merge`: lists of structs then merge element by
 * element, matched on `patchMergeKey`; lists of scalars take the union. Directives:
 * - `$patch: replace` in a map replaces the map; `$patch: delete` empties it; in a merging list,
 *   `{$patch: replace}` replaces the list and `{<key>: v, $patch: delete}` deletes the elements
 *   whose merge key is `v`;
 * - `$setElementOrder/<list>: [...]` orders a merging list (for structs, elements carrying only the
 *   merge key), server-only elements keeping their places relative to the patch's;
 * - `$deleteFromPrimitiveList/<list>: [...]` removes those values from a list of scalars;
 * - `$retainKeys: [...]` (fields with `retainKeys` strategy) clears the members not listed.
 * Fields the metadata does not know, and free-form JSON, merge as JSON merge patch does.
 *
 * The result order follows upstream exactly, down to Go's stable sort, since clients compare
 * lists: an element added without `$setElementOrder` goes before the existing ones.
 */
import {
  type JsonObject,
  type JsonValue,
  type PatchErrorReason,
  PatchError,
  goString,
  goTypeName,
  goValue,
  isObject,
} from './errors.js';
import { cloneJson } from './json.js';
import { jsonKind } from './merge-patch.js';
import { type KindPatchMeta, type PatchSchema, compileKindPatchMeta } from './meta.js';

const DIRECTIVE_MARKER = '$patch';
const DELETE_DIRECTIVE = 'delete';
const REPLACE_DIRECTIVE = 'replace';
const MERGE_DIRECTIVE = 'merge';
const RETAIN_KEYS_STRATEGY = 'retainKeys';
const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

const MAP_TYPE = 'map[string]interface {}';
const SLICE_TYPE = '[]interface {}';

/**
 * Applies a strategic merge patch to a copy of `original`, an object of the kind `meta`
 * describes. `null` changes nothing. Throws PatchError: BadRequest for a patch that is not an
 * object or is malformed, Invalid for a merge of lists of lists.
 */
export function applyStrategicMergePatch(original: JsonObject, patch: unknown, meta: KindPatchMeta): JsonObject {
  if (patch === null) return cloneJson(original);
  if (!isObject(patch)) {
    throw new PatchError(
      'BadRequest',
      `json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`,
    );
  }
  const schema = compileKindPatchMeta(meta);
  try {
    return mergeMap(cloneJson(original), cloneJson(patch), schema);
  } catch (error) {
    if (error instanceof MergeError) throw new PatchError(error.reason, error.message);
    throw error;
  }
}

/** A failure inside the merge, with the class the apiserver gives it. */
class MergeError extends Error {
  constructor(
    message: string,
    readonly reason: PatchErrorReason,
  ) {
    super(message);
  }
}

// Errors the apiserver answers with 400 and the message (mergepatch's sentinel errors).
const errBadPatchFormatForPrimitiveList = (): MergeError =>
  new MergeError('invalid patch format of primitive list', 'BadRequest');
const errBadPatchFormatForRetainKeys = (): MergeError =>
  new MergeError('invalid patch format of retainKeys', 'BadRequest');
const errBadPatchFormatForSetElementOrderList = (): MergeError =>
  new MergeError('invalid patch format of setElementOrder list', 'BadRequest');
// Answered with the generic 422.
const errNoListOfLists = (): MergeError => new MergeError('lists of lists are not supported', 'Invalid');

/**
 * Every other failure. Upstream returns these as plain errors, which reach the client as a 500
 * with the message; kapi answers a malformed patch with 400 and the same message instead.
 */
function fail(message: string): MergeError {
  return new MergeError(message, 'BadRequest');
}

function errNoMergeKey(m: JsonObject, key: string): MergeError {
  return fail(`map: ${goValue(m)} does not contain declared merge key: ${key}`);
}

function errBadArgType(expected: string, actual: unknown): MergeError {
  return fail(
    `expected a ${expected}, but received a ${actual === null || actual === undefined ? '%!s(<nil>)' : goTypeName(actual)}`,
  );
}

function errBadPatchType(directive: unknown, m: JsonObject): MergeError {
  return fail(`unknown patch type: ${goString(directive)} in map: ${goValue(m)}`);
}

/** The metadata found for a key: the value's schema, strategies and merge key. */
interface Lookup {
  readonly schema: PatchSchema;
  readonly strategies: readonly string[];
  readonly mergeKey: string;
}

const NO_METADATA: Lookup = { schema: null, strategies: [], mergeKey: '' };

/** LookupPatchMetadataForStruct: a map-valued key. Unknown fields have no metadata. */
function lookupForMap(schema: PatchSchema, key: string): Lookup {
  if (schema?.kind === 'struct') {
    const field = schema.fields.get(key);
    return field
      ? { schema: field.schema, strategies: field.patchStrategies, mergeKey: field.patchMergeKey }
      : NO_METADATA;
  }
  if (schema?.kind === 'map') return { schema: schema.value, strategies: [], mergeKey: '' };
  return NO_METADATA;
}

/** LookupPatchMetadataForSlice: a list-valued key, with the schema of its elements. */
function lookupForSlice(schema: PatchSchema, key: string): Lookup {
  const found = lookupForMap(schema, key);
  return { ...found, schema: found.schema?.kind === 'list' ? found.schema.elem : null };
}

/** What upstream's schema `Name()` gives for the elements of a list, for one message. */
function schemaName(schema: PatchSchema): string {
  if (schema === null) return 'interface';
  return schema.kind === 'list' ? 'slice' : schema.kind;
}

/** Splits `merge,retainKeys`: whether retainKeys is present, and the other strategy. */
function extractRetainKeysPatchStrategy(strategies: readonly string[]): [boolean, string] {
  switch (strategies.length) {
    case 0:
      return [false, ''];
    case 1:
      return strategies[0] === RETAIN_KEYS_STRATEGY ? [true, ''] : [false, strategies[0]!];
    case 2:
      if (strategies[0] === RETAIN_KEYS_STRATEGY) return [true, strategies[1]!];
      if (strategies[1] === RETAIN_KEYS_STRATEGY) return [true, strategies[0]!];
      break;
  }
  throw fail(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

function mergeMap(original: JsonObject | null, patch: JsonObject, schema: PatchSchema): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  const target = original ?? {};
  applyRetainKeysDirective(target, patch);
  // Lists with a $setElementOrder are merged and ordered here, and leave the patch.
  mergePatchIntoOriginal(target, patch, schema);

  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey]!;
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      const listKey = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      if (listKey.length > 0) key = listKey;
      isDeleteList = true;
    }
    if (patchV === null) {
      delete target[key];
      continue;
    }
    if (!Object.hasOwn(target, key) || goTypeName(target[key]) !== goTypeName(patchV)) {
      // New or retyped values are taken from the patch, without its nulls and directives.
      if (!isDeleteList) {
        discardNullValuesFromPatch(patchV);
        setOrDelete(target, key, removeDirectives(patchV));
      }
      continue;
    }
    const current = target[key]!;
    if (isObject(current)) {
      const found = lookupForMap(schema, key);
      const [, strategy] = extractRetainKeysPatchStrategy(found.strategies);
      target[key] = mergeMapHandler(current, patchV, found.schema, strategy);
    } else if (Array.isArray(current)) {
      const found = lookupForSlice(schema, key);
      const [, strategy] = extractRetainKeysPatchStrategy(found.strategies);
      target[key] = mergeSliceHandler(current, patchV, found.schema, strategy, found.mergeKey, isDeleteList);
    } else {
      setOrDelete(target, key, removeDirectives(patchV));
    }
  }
  return target;
}

function setOrDelete(target: JsonObject, key: string, [value, keep]: [JsonValue, boolean]): void {
  if (keep) target[key] = value;
  else delete target[key];
}

function handleDirectiveInMergeMap(directive: JsonValue | undefined, patch: JsonObject): JsonObject {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

/** Drops `null` members of maps, at any depth (list elements stay). */
function discardNullValuesFromPatch(value: JsonValue): void {
  if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (value[key] === null) delete value[key];
      else discardNullValuesFromPatch(value[key]!);
    }
  } else if (Array.isArray(value)) {
    for (const element of value) discardNullValuesFromPatch(element);
  }
}

/** Drops every map carrying `$patch`; the flag says whether `value` itself survives. */
function removeDirectives(value: JsonValue): [JsonValue, boolean] {
  if (isObject(value)) {
    if (Object.hasOwn(value, DIRECTIVE_MARKER)) return [null, false];
    for (const key of Object.keys(value)) setOrDelete(value, key, removeDirectives(value[key]!));
    return [value, true];
  }
  if (Array.isArray(value)) {
    const kept: JsonValue[] = [];
    for (const element of value) {
      const [v, keep] = removeDirectives(element);
      if (keep) kept.push(v);
    }
    return [kept, true];
  }
  return [value, true];
}

/** `<prefix>/<key>` → `<key>`. */
function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw errBadPatchFormatForPrimitiveList();
    throw errBadPatchFormatForSetElementOrderList();
  }
  return s.slice(slash + 1);
}

/**
 * `$retainKeys`: every member the patch sets must be listed, and the original's members that
 * are not listed are cleared.
 */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!Array.isArray(retain)) throw errBadPatchFormatForRetainKeys();
  const keys = new Set<JsonValue>(retain);
  for (const [key, value] of Object.entries(patch)) {
    if (
      value === null ||
      key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) ||
      key.startsWith(SET_ELEMENT_ORDER_PREFIX)
    ) {
      continue;
    }
    if (!keys.has(key)) throw errBadPatchFormatForRetainKeys();
  }
  for (const key of Object.keys(original)) if (!keys.has(key)) delete original[key];
}

/**
 * Each `$setElementOrder/<list>` with its list: merge the list, then order the result. Items
 * named in the directive follow its order; the others keep their places among them as in the
 * original. The precedence is $setElementOrder > order in the patch > order in the original.
 */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, schema: PatchSchema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const setOrder = patch[key];
    delete patch[key];
    if (!Array.isArray(setOrder)) throw errBadArgType(SLICE_TYPE, setOrder);
    const listKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = Object.hasOwn(original, listKey);
    const foundPatch = Object.hasOwn(patch, listKey);
    let originalList: JsonValue[] = [];
    let patchList: JsonValue[] = [];
    if (foundOriginal) {
      const value = original[listKey];
      if (!Array.isArray(value)) throw errBadArgType(SLICE_TYPE, value);
      originalList = value;
    }
    if (foundPatch) {
      const value = patch[listKey];
      if (!Array.isArray(value)) throw errBadArgType(SLICE_TYPE, value);
      patchList = value;
    }
    const found = lookupForSlice(schema, listKey);
    const [, strategy] = extractRetainKeysPatchStrategy(found.strategies);
    validatePatchWithSetOrderList(patchList, setOrder, found.mergeKey);

    // Upstream orders server-only items by the original list as the merge left its backing
    // array: deletions shift it left in place and appends refill it (Go slices share storage).
    const serverOrder = [...originalList];
    let merged: JsonValue[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as JsonValue[];
    else if (foundOriginal && foundPatch) {
      merged = mergeSliceHandler(originalList, patchList, found.schema, strategy, found.mergeKey, false, serverOrder);
    } else continue;

    const [patchItems, serverOnly] =
      found.mergeKey === ''
        ? partitionPrimitivesByPresentInList(merged, setOrder)
        : partitionMapsByPresentInList(merged, setOrder, found.mergeKey);
    const kind = sliceElementType(originalList, patchList);
    original[listKey] = normalizeElementOrder(patchItems, serverOnly, setOrder, serverOrder, found.mergeKey, kind);
    delete patch[listKey];
  }
}

/**
 * The patch list's items (deletions aside) must appear in the $setElementOrder list, in the
 * same relative order.
 */
function validatePatchWithSetOrderList(patchList: JsonValue[], setOrder: JsonValue[], mergeKey: string): void {
  if (setOrder.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey.length > 0 ? extractToDeleteItems(patchList)[0] : patchList;
  let patchIndex = 0;
  let orderIndex = 0;
  while (patchIndex < nonDelete.length && orderIndex < setOrder.length) {
    if (containsDirectiveMarker(nonDelete[patchIndex]!)) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[patchIndex]!, setOrder[orderIndex]!, mergeKey)) patchIndex++;
    orderIndex++;
  }
  if (patchIndex < nonDelete.length && orderIndex >= setOrder.length) {
    throw fail(
      `the order in patch list:\n${goValue(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goValue(setOrder)}`,
    );
  }
}

function containsDirectiveMarker(item: JsonValue): boolean {
  return isObject(item) && Object.hasOwn(item, DIRECTIVE_MARKER);
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey.length === 0) return left === right;
  if (!isObject(left)) throw errBadArgType(MAP_TYPE, left);
  if (!isObject(right)) throw errBadArgType(MAP_TYPE, right);
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

function mergeMapHandler(original: JsonObject, patch: JsonValue, schema: PatchSchema, strategy: string): JsonObject {
  if (!isObject(patch)) throw errBadArgType(MAP_TYPE, patch);
  return strategy !== REPLACE_DIRECTIVE ? mergeMap(original, patch, schema) : patch;
}

function mergeSliceHandler(
  original: JsonValue,
  patch: JsonValue,
  schema: PatchSchema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  view?: JsonValue[],
): JsonValue[] {
  if (!Array.isArray(original)) throw errBadArgType(SLICE_TYPE, original);
  if (!Array.isArray(patch)) throw errBadArgType(SLICE_TYPE, patch);
  // A deletion list applies whatever the field's strategy.
  if (strategy === MERGE_DIRECTIVE || isDeleteList)
    return mergeSlice(original, patch, schema, mergeKey, isDeleteList, view);
  return patch;
}

/**
 * `view`, when given, mirrors the original list's backing array: deletions and appends are
 * applied to it as Go applies them to the shared storage of the original slice.
 */
function mergeSlice(
  originalIn: JsonValue[],
  patchIn: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  isDeleteList: boolean,
  view?: JsonValue[],
): JsonValue[] {
  if (originalIn.length === 0 && patchIn.length === 0) return originalIn;
  const kind = sliceElementType(originalIn, patchIn);
  let original = originalIn;
  let patch = patchIn;
  let merged: JsonValue[];
  if (kind !== MAP_TYPE) {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw fail(`cannot merge lists without merge key for ${schemaName(schema)}`);
    let replaced: boolean;
    [original, patch, replaced] = mergeSliceWithSpecialElements(original, patch, mergeKey, view);
    merged = mergeSliceWithoutSpecialElements(original, patch, mergeKey, schema, replaced ? undefined : view);
  }
  const [patchItems, serverOnly] =
    mergeKey === ''
      ? partitionPrimitivesByPresentInList(merged, patch)
      : partitionMapsByPresentInList(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
}

/** Applies the `$patch` elements of a merging list; returns the original and the rest of the patch. */
function mergeSliceWithSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  view: JsonValue[] | undefined,
): [JsonValue[], JsonValue[], boolean] {
  const plain: JsonValue[] = [];
  let replace = false;
  let remaining = original;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!Object.hasOwn(item, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    switch (item[DIRECTIVE_MARKER]) {
      case DELETE_DIRECTIVE:
        if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
        remaining = deleteMatchingEntries(remaining, mergeKey, item[mergeKey]!, view);
        break;
      case REPLACE_DIRECTIVE:
        // Keep going: the other $patch elements are pruned too.
        replace = true;
        break;
      case MERGE_DIRECTIVE:
        throw fail('merging lists cannot yet be specified in the patch');
      default:
        throw errBadPatchType(item[DIRECTIVE_MARKER], item);
    }
  }
  return replace ? [plain, [], true] : [remaining, plain, false];
}

function deleteMatchingEntries(
  original: JsonValue[],
  mergeKey: string,
  value: JsonValue,
  view?: JsonValue[],
): JsonValue[] {
  const remaining = [...original];
  for (;;) {
    const found = findMapInSliceBasedOnKeyValue(remaining, mergeKey, value);
    if (!found) return remaining;
    // In place, as `append(s[:i], s[i+1:]...)`: the last slot keeps its old value.
    view?.copyWithin(found[1], found[1] + 1, remaining.length);
    remaining.splice(found[1], 1);
  }
}

/** Merges each patch element into the original element with its merge key, or appends it. */
function mergeSliceWithoutSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  schema: PatchSchema,
  view: JsonValue[] | undefined,
): JsonValue[] {
  const merged = [...original];
  for (const v of patch) {
    const item = v as JsonObject;
    if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    const found = findMapInSliceBasedOnKeyValue(merged, mergeKey, item[mergeKey]!);
    if (found) {
      merged[found[1]] = mergeMap(found[0], item, schema);
    } else {
      // An append lands in the original's storage while the slice is shorter than it was.
      if (view && merged.length < view.length) view[merged.length] = v;
      merged.push(v);
    }
  }
  return merged;
}

function deleteFromSlice(current: JsonValue[], toDelete: JsonValue[]): JsonValue[] {
  const deleted = new Set(toDelete);
  return current.filter((v) => !deleted.has(v));
}

function findMapInSliceBasedOnKeyValue(
  list: JsonValue[],
  key: string,
  value: JsonValue,
): [JsonObject, number] | undefined {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObject(item)) throw fail(`value for key ${i} is not a map`);
    if (Object.hasOwn(item, key) && item[key] === value) return [item, i];
  }
  return undefined;
}

/** The one Go type all elements share; lists of lists and mixed lists are errors. */
function sliceElementType(...lists: JsonValue[][]): string {
  let previous: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const current = goTypeName(v);
      if (previous === undefined) {
        previous = current;
        if (Array.isArray(v)) throw errNoListOfLists();
      } else if (previous !== current) {
        throw fail(`list element types are not identical: ${goValue(lists)}`);
      }
    }
  }
  if (previous === undefined) throw fail('no elements in any of the given slices');
  return previous;
}

/** Removes later duplicates in place, moving the last element into each hole, as upstream does. */
function deduplicateScalars(s: JsonValue[]): JsonValue[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length]!;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function partitionPrimitivesByPresentInList(
  original: JsonValue[],
  partitionBy: JsonValue[],
): [JsonValue[], JsonValue[]] {
  const present = new Set(partitionBy);
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of original) (present.has(v) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

function partitionMapsByPresentInList(
  original: JsonValue[],
  partitionBy: JsonValue[],
  mergeKey: string,
): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of original) {
    if (!isObject(v)) throw errBadArgType(MAP_TYPE, v);
    if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, v[mergeKey]!) ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/**
 * Sorts the patch's items by `patchOrder` and the server-only ones by `serverOrder`, then
 * interleaves them, keeping each side's order.
 */
function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: string,
): JsonValue[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const sortedServerOnly = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServerOnly, sortedPatch, serverOrder, mergeKey, kind);
}

/**
 * Interleaves server-only items (`left`) into the patch's (`right`): a server-only item goes
 * first only when both are in the original and it came first there.
 */
function mergeSortedSlice(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: string,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const li = indexOf(serverOrder, left[i]!, mergeKey, kind);
    const ri = indexOf(serverOrder, right[j]!, mergeKey, kind);
    if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
    else out.push(right[j++]!);
  }
  return [...out, ...left.slice(i), ...right.slice(j)];
}

/** The position of `value` in `list`, by merge key for maps. */
function indexOf(list: JsonValue[], value: JsonValue, mergeKey: string, kind: string): number {
  const key = (item: JsonValue): JsonValue | undefined =>
    kind === MAP_TYPE ? (isObject(item) ? (item[mergeKey] ?? null) : null) : item;
  const wanted = key(value);
  return list.findIndex((item) => key(item) === wanted);
}

function extractToDeleteItems(list: JsonValue[]): [JsonValue[], JsonValue[]] {
  const nonDelete: JsonValue[] = [];
  const toDelete: JsonValue[] = [];
  for (const v of list) {
    if (!isObject(v)) throw errBadArgType(MAP_TYPE, v);
    (v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE ? toDelete : nonDelete).push(v);
  }
  return [nonDelete, toDelete];
}

/** Sorts `toSort` by the positions of its items in `order`, deletions last. */
function normalizeSliceOrder(toSort: JsonValue[], order: JsonValue[], mergeKey: string, kind: string): JsonValue[] {
  let items = toSort;
  let toDelete: JsonValue[] = [];
  if (kind === MAP_TYPE) {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isObject(item)) throw errBadArgType(MAP_TYPE, item);
        if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      }
    }
    [items, toDelete] = extractToDeleteItems(toSort);
  }
  // Upstream's comparison is not a strict order (an item missing from `order` sorts before
  // anything), so the result depends on the sort algorithm: Go's sort.SliceStable is used.
  goSliceStable(items, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...items, ...toDelete];
}

/** Go's sort.SliceStable: insertion sort over blocks of 20, then SymMerge, in place. */
function goSliceStable<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const n = data.length;
  const lessAt = (i: number, j: number): boolean => less(data[i]!, data[j]!);
  const swap = (i: number, j: number): void => {
    const t = data[i]!;
    data[i] = data[j]!;
    data[j] = t;
  };
  const insertionSort = (a: number, b: number): void => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1);
  };
  const swapRange = (a: number, b: number, count: number): void => {
    for (let i = 0; i < count; i++) swap(a + i, b + i);
  };
  const rotate = (a: number, m: number, b: number): void => {
    let i = m - a;
    let j = b - m;
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j);
        i -= j;
      } else {
        swapRange(m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(m - i, m, i);
  };
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m;
      let j = b;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (lessAt(h, a)) i = h + 1;
        else j = h;
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (b - m === 1) {
      let i = a;
      let j = m;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (!lessAt(m, h)) i = h + 1;
        else j = h;
      }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (a + b) >>> 1;
    const n2 = mid + m;
    let start: number;
    let r: number;
    if (m > mid) {
      start = n2 - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    const p = n2 - 1;
    while (start < r) {
      const c = (start + r) >>> 1;
      if (!lessAt(p - c, c)) start = c + 1;
      else r = c;
    }
    const end = n2 - start;
    if (start < m && m < end) rotate(start, m, end);
    if (a < start && start < mid) symMerge(a, start, mid);
    if (mid < end && end < b) symMerge(mid, end, b);
  };

  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertionSort(a, b);
    a = b;
    b += blockSize;
  }
  insertionSort(a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(a, m, n);
    blockSize *= 2;
  }
}
