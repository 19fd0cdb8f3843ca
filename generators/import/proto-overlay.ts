/**
 * Lays a package's protobuf messages over its OpenAPI definitions:
 *
 * - a property gets the number of the message field of the same name (or the same name in
 *   another case: go-to-protobuf names a few fields after the Go field, `aPIGroup`);
 * - a message field with no property, whose message holds properties the definition has inline,
 *   is a Go struct embedded inline in JSON but nested in protobuf (`Volume` embeds
 *   `VolumeSource` as field 2): those properties move to a definition of their own, which the
 *   definition extends (`+protobufEmbed`); OpenAPI often has no definition for it, so one is
 *   made from the properties;
 * - a message field with neither is newer than the OpenAPI document: it is added with a schema
 *   derived from its protobuf type, and messages only the proto has become definitions too;
 * - a named list type (`message ExtraValue { repeated string items = 1; }`) becomes an array
 *   definition, so that a map of lists keeps its protobuf form;
 * - a property no field of its message matches was removed after the OpenAPI document was
 *   written (the wire form has no place for it): it is left out, with a warning.
 */
import type { ProtoField, ProtoFile, ProtoMessage } from './proto.js';
import { isListWrapper, isProtoScalar } from './proto.js';
import type { KnownPackage, PackageTable } from './packages.js';
import { scalarOfMessage } from './packages.js';
import type { Schema } from './schema.js';

export interface Embed {
  /** The definition name of the embedded struct. */
  readonly definition: string;
  readonly protobuf: number;
}

export interface ProtoOverlay {
  /** Every definition, the package's own ones rewritten and new ones added. */
  readonly definitions: Readonly<Record<string, Schema>>;
  /** definition → property → field number */
  readonly numbers: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly embeds: ReadonlyMap<string, readonly Embed[]>;
  /** `<definition>.<property>` of properties added from the proto. */
  readonly protoOnlyFields: ReadonlySet<string>;
  /** Doc lines of definitions made from messages: those OpenAPI does not have, and named lists. */
  readonly typeDocs: ReadonlyMap<string, string>;
  /** definition → why message fields were left out. */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  readonly warnings: readonly string[];
}

export interface OverlayInput {
  readonly definitions: Readonly<Record<string, Schema>>;
  readonly refPrefix: string;
  readonly target: KnownPackage;
  readonly packages: PackageTable;
  readonly proto: ProtoFile;
  /** Whether a definition of the target package is a kind (its apiVersion and kind take no numbers). */
  readonly isKind: (definition: string) => boolean;
}

export const PROTO_ONLY = 'Only in generated.proto (newer than the OpenAPI document).';
const NAMED_LIST = 'A named list: in protobuf a message of its own, `{ repeated … items = 1; }`.';

const SCALAR_SCHEMAS: Readonly<Record<string, Schema>> = {
  string: { type: 'string' },
  bool: { type: 'boolean' },
  bytes: { type: 'string', format: 'byte' },
  double: { type: 'number', format: 'double' },
  float: { type: 'number', format: 'double' },
  int32: { type: 'integer', format: 'int32' },
  sint32: { type: 'integer', format: 'int32' },
  sfixed32: { type: 'integer', format: 'int32' },
  uint32: { type: 'integer', format: 'int64' },
  fixed32: { type: 'integer', format: 'int64' },
  int64: { type: 'integer', format: 'int64' },
  sint64: { type: 'integer', format: 'int64' },
  sfixed64: { type: 'integer', format: 'int64' },
  uint64: { type: 'integer', format: 'int64' },
  fixed64: { type: 'integer', format: 'int64' },
};

export function applyProto(input: OverlayInput): ProtoOverlay {
  return new Overlay(input).run();
}

class Overlay {
  private readonly definitions: Record<string, Schema>;
  private readonly numbers = new Map<string, Map<string, number>>();
  private readonly embeds = new Map<string, Embed[]>();
  private readonly protoOnlyFields = new Set<string>();
  private readonly typeDocs = new Map<string, string>();
  private readonly notes = new Map<string, string[]>();
  private readonly warnings: string[] = [];
  private readonly queue: string[] = [];
  private readonly prefix: string;
  /** The message type the last failed valueSchema could not place. */
  private unplaced = '';

  constructor(private readonly input: OverlayInput) {
    this.definitions = { ...input.definitions };
    this.prefix = `${input.target.openapiPrefix}.`;
  }

  run(): ProtoOverlay {
    this.queue.push(...Object.keys(this.definitions).filter((name) => this.isOwn(name)).sort());
    const done = new Set<string>();
    while (this.queue.length > 0) {
      const name = this.queue.shift()!;
      if (done.has(name)) continue;
      done.add(name);
      this.overlay(name);
    }
    return {
      definitions: this.definitions,
      numbers: this.numbers,
      embeds: this.embeds,
      protoOnlyFields: this.protoOnlyFields,
      typeDocs: this.typeDocs,
      notes: this.notes,
      warnings: this.warnings,
    };
  }

  private isOwn(definition: string): boolean {
    return definition.startsWith(this.prefix) && !definition.slice(this.prefix.length).includes('.');
  }

  private typeName(definition: string): string {
    return definition.slice(this.prefix.length);
  }

  private overlay(definition: string): void {
    const schema = this.definitions[definition]!;
    const name = this.typeName(definition);
    const message = this.input.proto.messages.get(name);
    if (schema.type !== 'object' && schema.properties === undefined) return;
    if (!message) {
      if (Object.keys(schema.properties ?? {}).length > 0) {
        this.warnings.push(`${name}: no message ${name} in package ${this.input.proto.package}; its fields get no numbers`);
      }
      return;
    }
    const properties: Record<string, Schema> = { ...schema.properties };
    const skip = this.input.isKind(definition) ? new Set(['apiVersion', 'kind']) : new Set<string>();
    const unmatched = new Set(Object.keys(properties).filter((p) => !skip.has(p)));
    const byLowerCase = new Map([...unmatched].map((p) => [p.toLowerCase(), p]));
    const numbers = new Map<string, number>();
    const rest: ProtoField[] = [];

    for (const field of message.fields) {
      const property = field.name in properties ? field.name : byLowerCase.get(field.name.toLowerCase());
      if (property !== undefined && unmatched.has(property)) {
        numbers.set(property, field.id);
        unmatched.delete(property);
        properties[property] = this.listWrapperSchema(field, properties[property]!);
      } else {
        rest.push(field);
      }
    }

    const embeds: Embed[] = [];
    let required = [...(schema.required ?? [])];
    for (const field of rest) {
      const embedded = this.ownMessage(field);
      if (embedded && !field.repeated && !field.map) {
        const visible = this.visibleNames(embedded, new Set([...unmatched].map((p) => p.toLowerCase())), new Set());
        const covered = [...unmatched].filter((p) => visible.has(p.toLowerCase()));
        if (covered.length > 0) {
          const target = `${this.prefix}${embedded.name}`;
          if (!this.definitions[target]) {
            const own = required.filter((r) => covered.includes(r));
            this.definitions[target] = {
              type: 'object',
              properties: Object.fromEntries(covered.map((p) => [p, properties[p]!])),
              ...(own.length > 0 ? { required: own } : {}),
            };
            this.queue.push(target);
          }
          for (const p of covered) {
            delete properties[p];
            unmatched.delete(p);
          }
          required = required.filter((r) => !covered.includes(r));
          embeds.push({ definition: target, protobuf: field.id });
          continue;
        }
      }
      if (field.name in properties) {
        this.warnings.push(`${name}.${field.name}: protobuf field ${field.id} matches a property already numbered`);
        continue;
      }
      const added = this.fieldSchema(field);
      if (!added) {
        this.note(definition, this.leftOut(field));
        this.warnings.push(`${name}.${field.name}: ${this.leftOut(field)}`);
        continue;
      }
      properties[field.name] = added;
      numbers.set(field.name, field.id);
      this.protoOnlyFields.add(`${definition}.${field.name}`);
    }
    for (const property of unmatched) {
      delete properties[property];
      required = required.filter((r) => r !== property);
      this.warnings.push(`${name}.${property}: no field of message ${name} matches it; left out`);
    }
    this.numbers.set(definition, numbers);
    if (embeds.length > 0) this.embeds.set(definition, embeds);
    const { required: _required, ...others } = schema;
    this.definitions[definition] = { ...others, properties, ...(required.length > 0 ? { required } : {}) };
  }

  /**
   * The JSON names a message contributes inline: its fields that the parent has as properties,
   * and through fields the parent does not have, those of the messages it embeds in turn.
   */
  private visibleNames(message: ProtoMessage, parent: ReadonlySet<string>, seen: Set<string>): Set<string> {
    const out = new Set<string>();
    if (seen.has(message.name)) return out;
    seen.add(message.name);
    for (const field of message.fields) {
      const lower = field.name.toLowerCase();
      if (parent.has(lower)) {
        out.add(lower);
        continue;
      }
      const nested = !field.repeated && !field.map ? this.ownMessage(field) : undefined;
      if (nested) for (const name of this.visibleNames(nested, parent, seen)) out.add(name);
    }
    return out;
  }

  /** The message of a field whose type is a message of the package being imported. */
  private ownMessage(field: ProtoField): ProtoMessage | undefined {
    const pkg = `${this.input.proto.package}.`;
    if (!field.type.startsWith(pkg)) return undefined;
    return this.input.proto.messages.get(field.type.slice(pkg.length));
  }

  /**
   * For a field whose protobuf type is a named list, the property's schema with that list
   * replaced by a reference to its definition (made on first use).
   */
  private listWrapperSchema(field: ProtoField, property: Schema): Schema {
    const message = this.ownMessage(field);
    if (!message || !isListWrapper(message)) return property;
    const inner = field.map ? property.additionalProperties : field.repeated ? property.items : property;
    if (typeof inner !== 'object' || inner.type !== 'array') return property;
    const ref = { $ref: this.input.refPrefix + this.ensureListDefinition(message, inner) };
    if (field.map) return { ...property, additionalProperties: ref };
    if (field.repeated) return { ...property, items: ref };
    const { type: _type, items: _items, ...rest } = property;
    return { ...rest, ...ref };
  }

  private ensureListDefinition(message: ProtoMessage, schema: Schema): string {
    const definition = `${this.prefix}${message.name}`;
    if (!this.definitions[definition]) {
      this.definitions[definition] = { type: 'array', items: schema.items ?? {} };
      this.typeDocs.set(definition, NAMED_LIST);
    }
    return definition;
  }

  /** The schema of a field only the proto has, or undefined when its type cannot be placed. */
  private fieldSchema(field: ProtoField): Schema | undefined {
    const value = this.valueSchema(field.type);
    if (!value) return undefined;
    if (field.map) return { type: 'object', additionalProperties: value };
    if (field.repeated) return { type: 'array', items: value };
    return value;
  }

  private valueSchema(type: string): Schema | undefined {
    if (isProtoScalar(type)) return SCALAR_SCHEMAS[type];
    const scalar = scalarOfMessage(type);
    if (scalar) return { $ref: this.input.refPrefix + type.replace(/^k8s\.io\./, 'io.k8s.') };
    const own = `${this.input.proto.package}.`;
    if (type.startsWith(own)) {
      const message = this.input.proto.messages.get(type.slice(own.length));
      const definition = message ? this.ensureMessageDefinition(message) : undefined;
      return definition ? { $ref: this.input.refPrefix + definition } : undefined;
    }
    const other = this.input.packages.message(type);
    if (!other) {
      this.unplaced = type;
      return undefined;
    }
    return { $ref: `${this.input.refPrefix}${other.pkg.openapiPrefix}.${other.name}` };
  }

  /**
   * A definition for a message OpenAPI does not describe, made from its fields; undefined when
   * none of its fields can be placed.
   */
  private ensureMessageDefinition(message: ProtoMessage): string | undefined {
    const definition = `${this.prefix}${message.name}`;
    if (this.definitions[definition]) return definition;
    if (isListWrapper(message)) {
      const items = this.valueSchema(message.fields[0]!.type);
      if (!items) return undefined;
      this.definitions[definition] = { type: 'array', items };
      this.typeDocs.set(definition, PROTO_ONLY);
      return definition;
    }
    // Claimed before the fields are derived, so that recursive messages terminate.
    this.definitions[definition] = { type: 'object', properties: {} };
    const properties: Record<string, Schema> = {};
    const numbers = new Map<string, number>();
    const left: string[] = [];
    for (const field of message.fields) {
      const schema = this.fieldSchema(field);
      if (!schema) {
        left.push(this.leftOut(field));
        continue;
      }
      properties[field.name] = schema;
      numbers.set(field.name, field.id);
    }
    if (message.fields.length > 0 && Object.keys(properties).length === 0) {
      delete this.definitions[definition];
      return undefined;
    }
    for (const text of left) this.note(definition, text);
    this.definitions[definition] = { type: 'object', properties };
    this.numbers.set(definition, numbers);
    this.typeDocs.set(definition, PROTO_ONLY);
    return definition;
  }

  private leftOut(field: ProtoField): string {
    return `${field.name} (protobuf ${field.id}) is not imported: it needs ${this.unplaced}, which is in no package under api-definitions`;
  }

  private note(definition: string, text: string): void {
    let list = this.notes.get(definition);
    if (!list) this.notes.set(definition, (list = []));
    list.push(text);
  }
}
