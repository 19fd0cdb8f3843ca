/**
 * What differs between the OpenAPI v2 definitions and the v3 component schemas of the same
 * types. Each switch records a fact of upstream's published documents.
 */
export interface OpenApiFlavour {
  /** `v2` or `v3`, for messages. */
  readonly name: 'v2' | 'v3';
  /** Where a `$ref` points: `#/definitions/` in Swagger 2.0, `#/components/schemas/` in OpenAPI 3. */
  readonly refPrefix: string;
  /**
   * Whether the values of an enum type are listed in `enum`. Upstream's v2 document carries
   * none (enum types are plain `type: string` there); its v3 documents list them, sorted.
   */
  readonly enumValues: boolean;
  /** Whether `+default` values are published. Upstream's v2 document has none; v3 has them. */
  readonly defaults: boolean;
  /**
   * Whether a `$ref` that has sibling keywords is wrapped as `allOf: [{$ref}]`. In OpenAPI 3.0
   * siblings of `$ref` are ignored, so upstream wraps them (kube-openapi's WrapRefs); v2
   * keeps `description` and `x-kubernetes-*` next to the `$ref`.
   */
  readonly wrapRefSiblings: boolean;
}

export const OPENAPI_V2: OpenApiFlavour = {
  name: 'v2',
  refPrefix: '#/definitions/',
  enumValues: false,
  defaults: false,
  wrapRefSiblings: false,
};

export const OPENAPI_V3: OpenApiFlavour = {
  name: 'v3',
  refPrefix: '#/components/schemas/',
  enumValues: true,
  defaults: true,
  wrapRefSiblings: true,
};

/**
 * The v3 schemas the validators are derived from. Enum types' values are left out: Go's
 * decoder takes any string for them, and Kubernetes rejects unknown values in hand-written
 * validation ("Unsupported value"), not when decoding. `Enum` markers are still enforced.
 */
export const OPENAPI_V3_FOR_VALIDATION: OpenApiFlavour = { ...OPENAPI_V3, enumValues: false };
