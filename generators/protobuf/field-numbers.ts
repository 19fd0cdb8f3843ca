/**
 * Which structs of a package become protobuf messages, and the checks on their field numbers:
 * every field numbered, numbers unique and valid within a struct.
 */
import { CodegenError } from '../errors.js';
import type { EmbeddedStruct, FieldModel, PackageModel, StructModel } from '../model/types.js';

/** The largest protobuf field number, 2^29 - 1. */
const MAX_FIELD_NUMBER = 536870911;
/** Numbers protobuf reserves for its own implementation. */
const RESERVED = { first: 19000, last: 19999 };

/**
 * `apiVersion` and `kind` inlined from TypeMeta, or declared by TypeMeta itself: they never take
 * numbers, because an object's message does not carry them; its envelope does.
 */
export function isTypeMetaField(struct: StructModel, field: FieldModel): boolean {
  return (
    (field.inlined || isTypeMetaStruct(struct)) && (field.name === 'apiVersion' || field.name === 'kind')
  );
}

/** meta/v1's TypeMeta: nothing of it is ever written as a message of its own. */
export function isTypeMetaStruct(struct: StructModel): boolean {
  return (
    struct.id.name === 'TypeMeta' && struct.fields.every((f) => f.name === 'apiVersion' || f.name === 'kind')
  );
}

/** The structs of a package with a protobuf codec that become messages, in the package's order. */
export function messageStructs(pkg: PackageModel): StructModel[] {
  return pkg.types.filter(
    (t): t is StructModel => t.kind === 'struct' && !t.noProtobuf && !isTypeMetaStruct(t),
  );
}

/**
 * Top-level objects: kinds and the other structs that inline TypeMeta (DeleteOptions, Status,
 * discovery documents), which travel alone inside an envelope.
 */
export function isTopLevelObject(struct: StructModel): boolean {
  return struct.isKind || struct.fields.some((f) => f.inlined && isTypeMetaField(struct, f));
}

/**
 * What a struct's message is made of, in field-number order: its own numbered fields, and for
 * each struct it embeds with `+protobufEmbed` one nested message holding the inlined fields.
 */
export type MessagePart =
  | { readonly kind: 'field'; readonly protobuf: number; readonly field: FieldModel }
  | { readonly kind: 'embed'; readonly protobuf: number; readonly embed: EmbeddedStruct; readonly fields: readonly FieldModel[] };

export function messageParts(struct: StructModel): MessagePart[] {
  const parts: MessagePart[] = [];
  const embeds = new Map<number, { embed: EmbeddedStruct; fields: FieldModel[] }>();
  for (const field of struct.fields) {
    if (isTypeMetaField(struct, field)) continue;
    if (field.embeddedIn) {
      let entry = embeds.get(field.embeddedIn.protobuf);
      if (!entry) embeds.set(field.embeddedIn.protobuf, (entry = { embed: field.embeddedIn, fields: [] }));
      entry.fields.push(field);
    } else if (field.protobuf !== undefined) {
      parts.push({ kind: 'field', protobuf: field.protobuf, field });
    }
  }
  for (const [protobuf, { embed, fields }] of embeds) parts.push({ kind: 'embed', protobuf, embed, fields });
  return parts.sort((a, b) => a.protobuf - b.protobuf);
}

/** Every problem with the field numbers of a struct of a package that has a protobuf codec. */
export function checkFieldNumbers(struct: StructModel): CodegenError[] {
  const errors: CodegenError[] = [];
  const byNumber = new Map<number, string>();
  const numbered: { field: FieldModel; subject: string; n: number | undefined }[] = [];
  const embedNumbers = new Set<number>();
  for (const field of struct.fields) {
    if (field.embeddedIn) {
      // Numbered inside the embedded struct's own message; the struct is checked on its own.
      if (!embedNumbers.has(field.embeddedIn.protobuf)) {
        embedNumbers.add(field.embeddedIn.protobuf);
        numbered.push({ field, subject: `${struct.id.name} (embedded ${field.embeddedIn.type.name})`, n: field.embeddedIn.protobuf });
      }
      continue;
    }
    numbered.push({ field, subject: `${struct.id.name}.${field.name}`, n: field.protobuf });
  }
  for (const { field, subject, n } of numbered) {
    if (isTypeMetaField(struct, field)) {
      if (n !== undefined) {
        errors.push(
          new CodegenError(
            field.location,
            subject,
            `takes no +protobuf number: TypeMeta travels in the envelope`,
          ),
        );
      }
      continue;
    }
    if (n === undefined) {
      errors.push(new CodegenError(field.location, subject, 'has no +protobuf field number'));
      continue;
    }
    if (!Number.isInteger(n) || n < 1 || n > MAX_FIELD_NUMBER) {
      errors.push(
        new CodegenError(
          field.location,
          subject,
          `+protobuf=${n} is not a field number (1 to ${MAX_FIELD_NUMBER})`,
        ),
      );
      continue;
    }
    if (n >= RESERVED.first && n <= RESERVED.last) {
      errors.push(
        new CodegenError(
          field.location,
          subject,
          `+protobuf=${n} is reserved by protobuf (${RESERVED.first}–${RESERVED.last})`,
        ),
      );
      continue;
    }
    const previous = byNumber.get(n);
    if (previous) {
      errors.push(
        new CodegenError(
          field.location,
          subject,
          `+protobuf=${n} duplicates ${previous}'s number`,
        ),
      );
      continue;
    }
    byNumber.set(n, subject);
  }
  return errors;
}
