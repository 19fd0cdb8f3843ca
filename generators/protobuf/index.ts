/**
 * protobuf: encode and decode functions for the Kubernetes protobuf wire form, the one kubectl
 * sends with `Content-Type: application/vnd.kubernetes.protobuf` and controllers read.
 *
 * WHAT IS GENERATED
 * For every versioned package whose fields carry `+protobuf=N` numbers,
 * `generated/<group>/<version>/protobuf.generated.ts` with, per struct `T`:
 *
 *   encodeT(msg: T, w: Writer): Writer           writes T's fields (not its length) to `w`
 *   decodeT(r: Reader, length: number): T       reads the next `length` bytes as a T
 *
 * and per top-level object `K` (a kind, or any struct that inlines TypeMeta such as DeleteOptions):
 *
 *   encodeKMessage(obj: K): Uint8Array          the message an envelope carries
 *   decodeKMessage(bytes: Uint8Array): K        throws ProtobufDecodeError on malformed bytes
 *   protobufCodecs.K = { encode, decode }       what the generated register code hands the scheme
 *
 * The envelope itself (`k8s\0` + runtime.Unknown with apiVersion, kind and these bytes) is
 * `encodeEnvelope` / `decodeEnvelope` of `runtime/machinery/protobuf`; apiVersion and kind are
 * never part of an object's message and are absent from decoded objects.
 *
 * NUMBERING
 * In a versioned package either no field carries `+protobuf=N` (nothing is generated) or every
 * field of every struct does; codegen lists each missing number as `<Type>.<field>` with file
 * and line, and rejects a number used twice in one struct. Not numbered: the `apiVersion` and
 * `kind` of TypeMeta, and structs marked `+protobuf=false`, which get no codec and cannot be
 * used by one that has. Numbers follow upstream's generated.proto so Go clients interoperate.
 *
 * WIRE FORM (proto2, as go-to-protobuf writes it)
 * - Fields are written in field-number order. Absent (undefined or null) fields are not written;
 *   present ones are, even when zero or empty.
 * - string, enum → string; boolean → bool; int32 → int32 (negative values take 10 bytes);
 *   int64 → int64 (a JS number: exact up to 2^53); float64 → double; bytes (base64 in JSON) →
 *   bytes; Time, MicroTime, Quantity, IntOrString, Duration, RawExtension, FieldsV1, JSON → the
 *   upstream messages, via the runtime codecs.
 * - Lists are repeated fields, one tag per element (unpacked); decoding also accepts packed
 *   numbers. Maps are repeated `{ key = 1; value = 2; }` entries, written in key order as Go does,
 *   so equal objects give equal bytes.
 * - A struct, or a type of another package, is a nested message encoded by its own functions
 *   (another package's are imported from its protobuf.generated.js).
 * - The fields a struct inlines from `Y` with `+protobufEmbed=Y:N` are one nested message N,
 *   written with Y's own functions (the struct itself is passed: it has Y's fields) and always
 *   written, even empty, as Go writes a non-pointer struct; decoding merges it into the struct.
 * - Aliases are transparent, except an alias of a list (`export type Verbs = string[]`), which Go
 *   writes as a message `{ repeated … items = 1; }`. A list or map directly inside a list or map
 *   has no protobuf form: name the inner list with such an alias.
 *
 * DECODING
 * A decoded object has exactly the fields present on the wire; a repeated or map field on the
 * wire makes an array or object. Unknown field numbers, and known ones with an unexpected wire
 * type, are skipped. Go's zero Time and nil RawExtension/FieldsV1/JSON (JSON null) leave a field
 * out, and stay null inside lists and maps. Truncated or inconsistent bytes throw
 * ProtobufDecodeError; bad input never loops.
 */
import { CodegenError, CodegenErrors } from '../errors.js';
import type { GeneratedFile, Generator } from '../generator.js';
import { ModelIndex } from '../model/lookup.js';
import type { ApiModel, PackageModel } from '../model/types.js';
import { hasProtobuf } from '../protobuf-selection.js';
import { layoutTypeScript } from '../render.js';
import { checkFieldNumbers, messageStructs } from './field-numbers.js';
import { buildPackageFile } from './package-file.js';
import { WirePlanner } from './wire-plan.js';

export const protobufGenerator: Generator = {
  name: 'protobuf',
  generate(model: ApiModel): GeneratedFile[] {
    const index = new ModelIndex(model);
    const packages: PackageModel[] = model.groups.flatMap((group) => group.versions.filter(hasProtobuf));
    const planner = new WirePlanner(index, new Set(packages.map((pkg) => pkg.id)));
    const errors: CodegenError[] = [];
    for (const pkg of packages) {
      for (const struct of messageStructs(pkg)) errors.push(...checkFieldNumbers(struct));
    }
    const built = packages.map((pkg) => buildPackageFile(index, planner, pkg));
    for (const file of built) errors.push(...file.errors);
    if (errors.length > 0) throw new CodegenErrors(errors);
    return built.map((file) => ({ path: file.path, content: layoutTypeScript(file.source!) }));
  },
};
