/** Local type names: the definitions' own names first, then unique names for inline schemas. */

export class NameRegistry {
  private readonly taken = new Set<string>();

  /** Reserves a name that must be exactly this (a definition's). */
  reserve(name: string): void {
    this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** A free name based on `hint`: `hint`, then `hint2`, `hint3`, … */
  claim(hint: string): string {
    let name = hint;
    for (let n = 2; this.taken.has(name); n++) name = `${hint}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** `max-surge` → `MaxSurge`, `x-kubernetes-list-type` → `XKubernetesListType`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** The element name of a list property: `ports` → `port`, `policies` → `policy`, `addresses` → `address`; `status` stays. */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.replace(/ies$/, 'y');
  if (/(ss|x|ch|sh)es$/.test(name)) return name.replace(/es$/, '');
  if (/[^su]s$/.test(name) && !/is$/.test(name)) return name.slice(0, -1);
  return name;
}
