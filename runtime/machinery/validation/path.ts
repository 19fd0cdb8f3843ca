/**
 * Field paths as apimachinery's field.Path prints them: `spec.containers[0].name`, and map
 * entries with the key in brackets, unquoted: `metadata.labels[app]`.
 */
export class FieldPath {
  private constructor(
    private readonly parent: FieldPath | undefined,
    /** The field name, or '' for a subscript. */
    private readonly name: string,
    /** The index or key of a subscript. */
    private readonly subscript: string,
  ) {}

  /** A root path of one or more field names: `newPath('spec', 'template')` is `spec.template`. */
  static root(name: string, ...more: string[]): FieldPath {
    let p = new FieldPath(undefined, name, '');
    for (const n of more) p = p.child(n);
    return p;
  }

  /** The path of a field below this one (several names descend several levels). */
  child(name: string, ...more: string[]): FieldPath {
    let p = new FieldPath(this, name, '');
    for (const n of more) p = new FieldPath(p, n, '');
    return p;
  }

  /** The path of a list element: `containers[0]`. */
  index(i: number): FieldPath {
    return new FieldPath(this, '', String(i));
  }

  /** The path of a map entry: `labels[app]`. */
  key(k: string): FieldPath {
    return new FieldPath(this, '', k);
  }

  /** The first element of the path. */
  rootPath(): FieldPath {
    return this.parent ? this.parent.rootPath() : this;
  }

  toString(): string {
    const elems: FieldPath[] = [this];
    for (let p = this.parent; p; p = p.parent) elems.push(p);
    let out = '';
    for (let i = elems.length - 1; i >= 0; i--) {
      const p = elems[i];
      if (p.parent && p.name.length > 0) out += '.';
      out += p.name.length > 0 ? p.name : `[${p.subscript}]`;
    }
    return out;
  }
}

/** `newPath('metadata')`, as field.NewPath. */
export function newPath(name: string, ...more: string[]): FieldPath {
  return FieldPath.root(name, ...more);
}
