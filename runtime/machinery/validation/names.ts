/**
 * Name functions (apimachinery's ValidateNameFunc): given a name, or a generateName prefix when
 * `prefix` is true, the reasons it is not valid for a kind.
 */
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, validatePathSegmentName } from './content.js';

export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/** A generateName prefix may end in `-`: check it as if a character followed. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** Most kinds: an RFC 1123 subdomain. */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** Namespaces and the like: an RFC 1123 label. */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** Services: an RFC 1035 label. */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** Kinds whose names only have to be usable in a URL path (RBAC roles, …). */
export const nameIsPathSegment: ValidateNameFunc = (name, prefix) => validatePathSegmentName(name, prefix);

/** A namespace name, as ObjectMeta's namespace is checked. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;
