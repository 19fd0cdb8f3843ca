/** Reads the declarations of one `types.ts` into TypeModels. */
import {
  Node,
  SyntaxKind,
  type InterfaceDeclaration,
  type JSDocableNode,
  type PropertySignature,
  type SourceFile,
  type TypeAliasDeclaration,
} from 'ts-morph';
import { CodegenError } from '../errors.js';
import type {
  EmbeddedStruct,
  EnumModel,
  FieldModel,
  PrintColumn,
  ResourceModel,
  SourceLocation,
  StructModel,
  TypeModel,
  TypeRef,
  ValidationRules,
} from '../model/types.js';
import { checkMarkers, MarkerSet, parseDefault, splitDoc, type Marker, type MarkerSite } from './markers.js';
import { typeRefOf, type RefContext } from './type-refs.js';

export interface ReadContext {
  readonly relative: (absolutePath: string) => string;
  readonly errors: CodegenError[];
  readonly refs: RefContext;
}

export const DEFAULT_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Every exported interface and type alias of the file, as TypeModels of package `pkg`. */
export function readTypes(file: SourceFile, pkg: string, ctx: ReadContext): TypeModel[] {
  const types: TypeModel[] = [];
  for (const decl of file.getInterfaces()) {
    if (decl.isExported()) types.push(readStruct(decl, pkg, ctx));
  }
  for (const decl of file.getTypeAliases()) {
    if (!decl.isExported()) continue;
    const type = readAlias(decl, pkg, ctx);
    if (type) types.push(type);
  }
  return types;
}

function docOf(node: JSDocableNode & Node, ctx: ReadContext): { doc: string; markers: Marker[] } {
  const file = ctx.relative(node.getSourceFile().getFilePath());
  const docs = node.getJsDocs();
  const doc: string[] = [];
  const markers: Marker[] = [];
  for (const jsDoc of docs) {
    const split = splitDoc(jsDoc.getText(), file, jsDoc.getStartLineNumber());
    if (split.doc) doc.push(split.doc);
    markers.push(...split.markers);
  }
  return { doc: doc.join('\n'), markers };
}

function locationOf(node: Node, ctx: ReadContext): SourceLocation {
  return { file: ctx.relative(node.getSourceFile().getFilePath()), line: node.getStartLineNumber(false) };
}

function checked(markers: Marker[], site: MarkerSite, subject: string, ctx: ReadContext): MarkerSet {
  ctx.errors.push(...checkMarkers(markers, site, subject));
  return new MarkerSet(markers);
}

function readStruct(decl: InterfaceDeclaration, pkg: string, ctx: ReadContext): StructModel {
  const name = decl.getName();
  const { doc, markers: raw } = docOf(decl, ctx);
  const markers = checked(raw, 'type', name, ctx);
  const protobuf = markers.value('protobuf');
  if (protobuf !== undefined && protobuf !== 'false') {
    ctx.errors.push(new CodegenError(locationOf(decl, ctx), name, `bad value for +protobuf: on a type only "false" is allowed`));
  }
  const embeds = readEmbeds(decl, markers, ctx);
  const fields: FieldModel[] = [];
  let extendsTypeMeta = false;
  const seen = new Set<string>();

  const addProperties = (
    source: InterfaceDeclaration,
    inlined: boolean,
    depth: number,
    embeddedIn: EmbeddedStruct | undefined,
  ): void => {
    for (const clause of source.getExtends()) {
      const target = clause.getExpression().getSymbol();
      const resolved = target?.isAlias() ? target.getAliasedSymbol() : target;
      const base = resolved?.getDeclarations().find(Node.isInterfaceDeclaration);
      if (!base || depth > 8) {
        ctx.errors.push(new CodegenError(locationOf(clause, ctx), name, `extends "${clause.getText()}", which does not resolve to an interface`));
        continue;
      }
      if (base.getName() === 'TypeMeta') extendsTypeMeta = true;
      let embed = embeddedIn;
      if (depth === 0 && embeds.has(base.getName())) {
        const pkgOfBase = ctx.refs.packageOf(base.getSourceFile().getFilePath());
        if (pkgOfBase) embed = { type: { pkg: pkgOfBase, name: base.getName() }, protobuf: embeds.get(base.getName())!.protobuf };
        embeds.get(base.getName())!.used = true;
      }
      addProperties(base, true, depth + 1, embed);
    }
    for (const prop of source.getProperties()) {
      const field = readField(prop, `${name}.${propertyName(prop)}`, inlined, ctx);
      if (!field) continue;
      if (seen.has(field.name)) {
        ctx.errors.push(new CodegenError(field.location, `${name}.${field.name}`, 'declared twice (directly and through extends)'));
        continue;
      }
      seen.add(field.name);
      fields.push(embeddedIn ? { ...field, embeddedIn } : field);
    }
  };
  addProperties(decl, false, 0, undefined);
  for (const [base, embed] of embeds) {
    if (!embed.used) {
      ctx.errors.push(new CodegenError(embed.location, name, `+protobufEmbed=${base}:${embed.protobuf} names no interface ${name} extends`));
    }
  }

  const has = (field: string): boolean => fields.some((f) => f.name === field);
  const isKind = extendsTypeMeta && has('metadata');
  const isList = isKind && name.endsWith('List') && has('items');
  const location = locationOf(decl, ctx);
  const resource = readResource(name, markers, location, isKind && !isList, ctx);
  const structType = markers.value('structType') as StructModel['structType'];
  return {
    kind: 'struct',
    id: { pkg, name },
    doc,
    location,
    fields,
    isKind,
    isList,
    ...(resource ? { resource } : {}),
    ...(structType ? { structType } : markers.value('mapType') ? { structType: markers.value('mapType') as 'atomic' } : {}),
    noAutoConversion: markers.value('k8s:conversion-gen') === 'false',
    noProtobuf: markers.value('protobuf') === 'false',
  };
}

/** `+protobufEmbed=<Struct>:<N>` markers of a type, by struct name. */
function readEmbeds(
  decl: InterfaceDeclaration,
  markers: MarkerSet,
  ctx: ReadContext,
): Map<string, { protobuf: number; location: SourceLocation; used: boolean }> {
  const out = new Map<string, { protobuf: number; location: SourceLocation; used: boolean }>();
  for (const marker of markers.markers.filter((m) => m.name === 'protobufEmbed')) {
    const match = /^([A-Za-z_$][\w$]*):([1-9]\d*)$/.exec(marker.value ?? '');
    if (!match) {
      ctx.errors.push(
        new CodegenError(marker.location, decl.getName(), `bad value for +protobufEmbed: "${marker.value ?? ''}" is not <Struct>:<field number>`),
      );
      continue;
    }
    out.set(match[1]!, { protobuf: Number(match[2]), location: marker.location, used: false });
  }
  return out;
}

/** A property's JSON name: its identifier, or the text of a quoted name (`'x-kubernetes-list-type'`). */
function propertyName(prop: PropertySignature): string {
  const node = prop.getNameNode();
  return Node.isStringLiteral(node) ? node.getLiteralValue() : prop.getName();
}

function readField(prop: PropertySignature, subject: string, inlined: boolean, ctx: ReadContext): FieldModel | undefined {
  const location = locationOf(prop, ctx);
  const typeNode = prop.getTypeNode();
  if (!typeNode) {
    ctx.errors.push(new CodegenError(location, subject, 'has no type annotation'));
    return undefined;
  }
  const resolved = typeRefOf(typeNode, ctx.refs);
  if (!resolved.ok) {
    ctx.errors.push(new CodegenError(location, subject, resolved.problem));
    return undefined;
  }
  const { doc, markers: raw } = docOf(prop, ctx);
  const markers = checked(raw, 'field', subject, ctx);
  const optional = markers.has('required') ? false : markers.has('optional') ? true : prop.hasQuestionToken();
  const protobuf = markers.value('protobuf');
  if (protobuf !== undefined && !/^[1-9]\d*$/.test(protobuf)) {
    ctx.errors.push(new CodegenError(location, subject, `bad value for +protobuf: "${protobuf}" is not a positive field number`));
  }
  const defaultText = markers.value('default');
  const listType = markers.value('listType') as FieldModel['listType'];
  const listMapKeys = markers.values('listMapKey');
  if (listType === 'map' && listMapKeys.length === 0) {
    ctx.errors.push(new CodegenError(location, subject, '+listType=map needs at least one +listMapKey'));
  }
  // Go's []byte is a list too: upstream marks some (apiregistration's caBundle) atomic.
  const isBytes = resolved.ref.kind === 'scalar' && resolved.ref.name === 'bytes';
  if (listType && resolved.ref.kind !== 'array' && !isBytes) {
    ctx.errors.push(new CodegenError(location, subject, '+listType is only allowed on arrays and bytes'));
  }
  const mapType = (markers.value('mapType') ?? markers.value('structType')) as FieldModel['mapType'];
  return {
    name: propertyName(prop),
    type: resolved.ref,
    optional,
    doc,
    location,
    inlined,
    ...(markers.has('protobuf') ? { protobuf: Number(markers.value('protobuf')) } : {}),
    ...(defaultText !== undefined ? { default: parseDefault(defaultText) } : {}),
    ...(listType ? { listType } : {}),
    ...(listMapKeys.length > 0 ? { listMapKeys } : {}),
    ...(mapType ? { mapType } : {}),
    ...(markers.has('patchStrategy') ? { patchStrategy: markers.value('patchStrategy')! } : {}),
    ...(markers.has('patchMergeKey') ? { patchMergeKey: markers.value('patchMergeKey')! } : {}),
    validation: validationRules(markers),
    noAutoConversion: markers.value('k8s:conversion-gen') === 'false',
  };
}

function validationRules(markers: MarkerSet): ValidationRules {
  const rules: ValidationRules = {};
  const prefix = 'kubebuilder:validation:';
  const num = (name: string): number | undefined => markers.number(prefix + name);
  const assign = <K extends keyof ValidationRules>(key: K, value: ValidationRules[K] | undefined): void => {
    if (value !== undefined) rules[key] = value;
  };
  assign('minimum', num('Minimum'));
  assign('maximum', num('Maximum'));
  assign('exclusiveMinimum', markers.bool(prefix + 'ExclusiveMinimum'));
  assign('exclusiveMaximum', markers.bool(prefix + 'ExclusiveMaximum'));
  assign('minLength', num('MinLength'));
  assign('maxLength', num('MaxLength'));
  assign('minItems', num('MinItems'));
  assign('maxItems', num('MaxItems'));
  assign('minProperties', num('MinProperties'));
  assign('maxProperties', num('MaxProperties'));
  assign('multipleOf', num('MultipleOf'));
  assign('pattern', markers.value(prefix + 'Pattern'));
  assign('format', markers.value(prefix + 'Format'));
  assign('uniqueItems', markers.bool(prefix + 'UniqueItems'));
  const enumText = markers.value(prefix + 'Enum');
  if (enumText !== undefined) {
    rules.enum = enumText.split(';').map((v) => {
      const parsed = parseDefault(v.trim());
      return typeof parsed === 'number' ? parsed : String(parsed ?? v.trim());
    });
  }
  if (markers.has(prefix + 'XIntOrString')) rules.intOrString = true;
  if (markers.has('kubebuilder:pruning:PreserveUnknownFields')) rules.preserveUnknownFields = true;
  if (markers.has(prefix + 'EmbeddedResource')) rules.embeddedResource = true;
  return rules;
}

function readResource(
  kind: string,
  markers: MarkerSet,
  location: SourceLocation,
  canBeResource: boolean,
  ctx: ReadContext,
): ResourceModel | undefined {
  const args = markers.args('kubebuilder:resource');
  if (!args) {
    if (markers.has('kubebuilder:subresource:status') || markers.has('kubebuilder:subresource:scale')) {
      ctx.errors.push(new CodegenError(location, kind, 'subresource markers need +kubebuilder:resource'));
    }
    return undefined;
  }
  if (!canBeResource) {
    ctx.errors.push(new CodegenError(location, kind, '+kubebuilder:resource is only allowed on a kind (extends TypeMeta, has metadata) that is not a list'));
    return undefined;
  }
  const scope = args['scope'] ?? 'Namespaced';
  if (scope !== 'Namespaced' && scope !== 'Cluster') {
    ctx.errors.push(new CodegenError(location, kind, `bad value for +kubebuilder:resource: scope "${scope}" is not Namespaced or Cluster`));
  }
  const list = (value: string | undefined): string[] =>
    value ? value.split(';').map((v) => v.trim()).filter((v) => v.length > 0) : [];
  const scale = markers.args('kubebuilder:subresource:scale');
  const onlyVerbs = markers.value('genclient:onlyVerbs');
  const verbs = onlyVerbs ? list(onlyVerbs.replace(/,/g, ';')) : DEFAULT_VERBS;
  const unknownVerbs = verbs.filter((v) => !DEFAULT_VERBS.includes(v));
  if (unknownVerbs.length > 0) {
    ctx.errors.push(new CodegenError(location, kind, `bad value for +genclient:onlyVerbs: unknown verb ${unknownVerbs.join(', ')}`));
  }
  return {
    plural: args['path'] ?? `${kind.toLowerCase()}s`,
    singular: args['singular'] ?? kind.toLowerCase(),
    namespaced: scope !== 'Cluster',
    shortNames: list(args['shortName']),
    categories: list(args['categories']),
    verbs: [...verbs].sort(),
    subresources: {
      status: markers.has('kubebuilder:subresource:status'),
      ...(scale
        ? {
            scale: {
              specReplicasPath: scale['specpath'] ?? '.spec.replicas',
              statusReplicasPath: scale['statuspath'] ?? '.status.replicas',
              ...(scale['selectorpath'] ? { labelSelectorPath: scale['selectorpath'] } : {}),
            },
          }
        : {}),
    },
    printColumns: markers.allArgs('kubebuilder:printcolumn').map(
      (c): PrintColumn => ({
        name: c['name'] ?? '',
        type: c['type'] ?? 'string',
        jsonPath: c['JSONPath'] ?? '',
        ...(c['format'] ? { format: c['format'] } : {}),
        ...(c['description'] ? { description: c['description'] } : {}),
        priority: Number(c['priority'] ?? 0),
      }),
    ),
  };
}

function readAlias(decl: TypeAliasDeclaration, pkg: string, ctx: ReadContext): TypeModel | undefined {
  const name = decl.getName();
  const { doc, markers: raw } = docOf(decl, ctx);
  checked(raw, 'type', name, ctx);
  const location = locationOf(decl, ctx);
  const node = decl.getTypeNodeOrThrow();
  if (node.getKind() === SyntaxKind.UnionType) {
    const members = node.asKindOrThrow(SyntaxKind.UnionType).getTypeNodes();
    const values: string[] = [];
    for (const member of members) {
      const literal = member.asKind(SyntaxKind.LiteralType)?.getLiteral();
      if (!literal || !Node.isStringLiteral(literal)) {
        // Scalar aliases such as IntOrString are unions too; they live in scalars.ts and are
        // recognised by name where they are used.
        if (ctx.refs.scalarsFile === decl.getSourceFile().getFilePath()) return undefined;
        ctx.errors.push(new CodegenError(location, name, 'a union type must be a union of string literals (an enum)'));
        return undefined;
      }
      values.push(literal.getLiteralValue());
    }
    const model: EnumModel = { kind: 'enum', id: { pkg, name }, doc, location, values };
    return model;
  }
  if (ctx.refs.scalarsFile === decl.getSourceFile().getFilePath()) return undefined;
  const resolved = typeRefOf(node, ctx.refs);
  if (!resolved.ok) {
    ctx.errors.push(new CodegenError(location, name, resolved.problem));
    return undefined;
  }
  const target: TypeRef = resolved.ref;
  return { kind: 'alias', id: { pkg, name }, doc, location, target };
}
