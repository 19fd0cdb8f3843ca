/**
 * Request bodies: read with a size limit, decoded by Content-Type (JSON, YAML, or protobuf in
 * the `k8s\0` envelope) with the URL's group, version and kind as the fallback, checked against
 * the kind's schema, strict field validation applied, and converted to the hub form with
 * defaults, as apiserver's create and update handlers decode.
 */
import { parseDocument } from 'yaml';
import { goQuote, isStatusError, newBadRequest, newInvalid, newRequestEntityTooLarge, type FieldError } from '../../machinery/errors.js';
import { dropGoZeroMetadata } from '../../machinery/protobuf/go-zero-meta.js';
import { describeFailure, formatApiVersion, MEDIA_PROTOBUF, SchemeError, type MediaType, type WireObject } from '../../machinery/scheme.js';
import type { GroupVersionKind } from '../../machinery/scheme-types.js';
import type { KObject } from '../../registry/meta.js';
import { MEDIA_JSON, MEDIA_YAML, negotiateInput } from '../negotiation.js';
import type { EndpointContext } from './context.js';
import { duplicateJSONFields } from './fields.js';
import { duplicateYAMLFields } from './yaml-fields.js';
import { exceedsNestingDepth, isStackOverflow, tooDeep, withinDepth } from './nesting.js';
import type { FieldValidation } from './query.js';
import type { RequestScope } from './scope.js';
import type { Warnings } from './warnings.js';

/** apiserver's default --max-request-body-bytes (3 MiB). */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Reads the whole body, failing with 413 past `limit` bytes (the request stream is destroyed
 * then, as leaving a `for await` over it would). Read with 'data' and 'end' listeners rather
 * than an async iterator, which costs several promises per chunk on every write request.
 */
export function readBody(ctx: EndpointContext, limit: number): Promise<Buffer> {
  const declared = Number(ctx.req.headers['content-length'] ?? '');
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(newRequestEntityTooLarge(`limit is ${limit}`));
  const req = ctx.req;
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.destroy();
        reject(newRequestEntityTooLarge(`limit is ${limit}`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    // The client went away before the body ended.
    const onClose = (): void => {
      cleanup();
      reject(new Error('request body ended early: the connection closed'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** The media types a body of `gvk` may come in: protobuf only for kinds with a protobuf codec. */
export function bodyMediaTypes(scope: RequestScope, gvk: GroupVersionKind): string[] {
  return scope.scheme.protobufCodec(gvk) ? [MEDIA_JSON, MEDIA_YAML, MEDIA_PROTOBUF] : [MEDIA_JSON, MEDIA_YAML];
}

/** The summary of a body transformDecodeError quotes: its first 30 bytes. */
function summarize(body: Buffer): string {
  const text = body.subarray(0, 30).toString('utf8');
  return body.length > 30 ? `${text} ...` : text;
}

/** A strict decoding error: `strict decoding error: unknown field "spec.foo", duplicate field "x"`. */
export function strictDecodingMessage(problems: readonly string[]): string {
  return `strict decoding error: ${problems.join(', ')}`;
}

/** Unknown and duplicate fields of a versioned JSON object, worded for Warning headers and strict errors. */
export function fieldProblems(scope: RequestScope, object: WireObject, gvk: GroupVersionKind, jsonText?: string): string[] {
  const problems: string[] = [];
  for (const path of scope.fieldChecker?.unknownFields(object, gvk) ?? []) problems.push(`unknown field ${goQuote(path)}`);
  if (jsonText !== undefined) for (const path of duplicateJSONFields(jsonText)) problems.push(`duplicate field ${goQuote(path)}`);
  return problems;
}

/**
 * Schema failures of a versioned object: missing required fields are a 422 Invalid naming each
 * field (what validation says upstream); wrong types are a 400 in transformDecodeError's words.
 */
export function checkSchema(scope: RequestScope, object: WireObject, gvk: GroupVersionKind, expectedKind: string): void {
  // An `if` failure only wraps the failure of the schema a nullable reference guards, which is
  // reported on its own.
  const failures = scope.scheme.validate(object, gvk).filter((f) => f.keyword !== 'if');
  if (failures.length === 0) return;
  if (failures.every((f) => f.keyword === 'required')) {
    const errs: FieldError[] = failures.map((f) => ({ type: 'Required', field: describeFailure(f).replace(/: Required value$/, '') }));
    const name = (object['metadata'] as { name?: string } | undefined)?.name ?? '';
    throw newInvalid({ group: gvk.group, kind: gvk.kind }, name, errs);
  }
  throw newBadRequest(`${gvk.kind} in version ${goQuote(gvk.version)} cannot be handled as a ${expectedKind}: ${failures.map(describeFailure).join('; ')}`);
}

export interface DecodedBody {
  readonly gvk: GroupVersionKind;
  /** The versioned object as sent. */
  readonly versioned: WireObject;
  /** The hub object, defaulted. */
  readonly object: KObject;
}

/**
 * Decodes a create or update body that must hold `expected` (group, version and kind), applying
 * `fieldValidation` to unknown and duplicate fields.
 */
export async function decodeBody(
  ctx: EndpointContext,
  scope: RequestScope,
  expected: GroupVersionKind,
  fieldValidation: FieldValidation,
  warnings: Warnings,
): Promise<DecodedBody> {
  const mediaType = negotiateInput(ctx.get('Content-Type') || undefined, bodyMediaTypes(scope, expected)) as MediaType;
  const body = await readBody(ctx, scope.maxRequestBodyBytes);
  let gvk: GroupVersionKind;
  let versioned: WireObject;
  let jsonText: string | undefined;
  let yamlDuplicates: string[] = [];
  const unrecognized = `the object provided is unrecognized (must be of type ${expected.kind}): `;
  if (mediaType === MEDIA_JSON && exceedsNestingDepth(body.toString('utf8'))) throw tooDeep(unrecognized);
  try {
    if (mediaType === MEDIA_YAML && fieldValidation !== 'Ignore') {
      // Parsed here to see duplicate keys as a field problem rather than a parse failure.
      const doc = parseDocument(body.toString('utf8'), { uniqueKeys: false });
      if (doc.errors.length > 0) throw doc.errors[0];
      yamlDuplicates = duplicateYAMLFields(doc);
      ({ gvk, object: versioned } = scope.scheme.decodeVersioned(JSON.stringify(doc.toJS()), MEDIA_JSON, expected));
    } else {
      ({ gvk, object: versioned } = scope.scheme.decodeVersioned(mediaType === MEDIA_PROTOBUF ? new Uint8Array(body) : body.toString('utf8'), mediaType, expected));
      if (mediaType === MEDIA_JSON) jsonText = body.toString('utf8');
    }
  } catch (error) {
    if (isStatusError(error)) throw error;
    if (isStackOverflow(error)) throw tooDeep(unrecognized);
    if (error instanceof SchemeError && error.reason !== 'BadRequest') throw newBadRequest(`${error.message}`);
    // Malformed YAML or protobuf (truncated, bad varints, no k8s\0 prefix) is the client's fault too.
    const summary = mediaType === MEDIA_PROTOBUF ? '' : ` (${summarize(body)})`;
    throw newBadRequest(`${unrecognized}${error instanceof Error ? error.message : String(error)}${summary}`);
  }
  if (gvk.group !== expected.group || gvk.version !== expected.version) {
    throw newBadRequest(`the API version in the data (${formatApiVersion(gvk)}) does not match the expected API version (${formatApiVersion(expected)})`);
  }
  if (gvk.kind !== expected.kind) {
    throw newBadRequest(`${gvk.kind} in version ${goQuote(gvk.version)} cannot be handled as a ${expected.kind}: the kind ${goQuote(gvk.kind)} is not served at this URL`);
  }
  return withinDepth(unrecognized, () => checkDecoded(scope, expected, fieldValidation, warnings, { gvk, versioned, jsonText, yamlDuplicates, mediaType }));
}

/** Field validation, the schema check and conversion of a decoded body. */
function checkDecoded(
  scope: RequestScope,
  expected: GroupVersionKind,
  fieldValidation: FieldValidation,
  warnings: Warnings,
  decoded: { gvk: GroupVersionKind; versioned: WireObject; jsonText: string | undefined; yamlDuplicates: readonly string[]; mediaType: MediaType },
): DecodedBody {
  const { gvk, versioned, jsonText, yamlDuplicates, mediaType } = decoded;
  if (mediaType === MEDIA_PROTOBUF) dropGoZeroMetadata(versioned);
  // A create-only resource that stores nothing (an access review) computes its status: what the
  // client sent there (kubectl sends empty lists as null) is dropped before validation.
  if (scope.rest.getter === undefined && scope.rest.lister === undefined) delete versioned['status'];
  if (fieldValidation !== 'Ignore' && mediaType !== MEDIA_PROTOBUF) {
    const problems = [...fieldProblems(scope, versioned, gvk, jsonText), ...yamlDuplicates.map((path) => `duplicate field ${goQuote(path)}`)];
    if (problems.length > 0) {
      if (fieldValidation === 'Strict') {
        throw newBadRequest(`${gvk.kind} in version ${goQuote(gvk.version)} cannot be handled as a ${expected.kind}: ${strictDecodingMessage(problems)}`);
      }
      for (const p of problems) warnings.add(p);
    }
  }
  checkSchema(scope, versioned, gvk, expected.kind);
  const object = scope.scheme.toInternal(versioned, gvk) as KObject;
  return { gvk, versioned, object };
}
