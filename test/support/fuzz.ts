/**
 * Random objects built from the API model, for round-trip property tests (as upstream's
 * fuzzer-driven serialization tests). Seeded, so a failure names a seed that reproduces it.
 *
 * Arrays and maps get at least one entry: on the wire an empty list or map is the same as an
 * absent one (omitempty), so only non-empty ones can be told apart after a round trip.
 */
import { ModelIndex } from '../../generators/model/lookup.js';
import type { ScalarName, StructModel, TypeRef } from '../../generators/model/types.js';

/** A small, fast, seedable PRNG (mulberry32). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  word(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = this.int(1, 10); i > 0; i--) out += letters[this.int(0, letters.length - 1)];
    return out;
  }
}

const QUANTITIES = ['0', '1', '100m', '250m', '1Gi', '512Mi', '3', '1k', '2e3'];
const DURATIONS = ['0s', '1s', '1.5s', '1m30s', '1h0m0s', '500ms', '2h45m10s'];

export interface FuzzOptions {
  /** Probability that an optional field is present. */
  readonly presence?: number;
  /** Nesting depth after which optional fields are left out (recursive types). */
  readonly maxDepth?: number;
}

export class Fuzzer {
  private readonly presence: number;
  private readonly maxDepth: number;
  constructor(
    private readonly index: ModelIndex,
    private readonly random: Random,
    options: FuzzOptions = {},
  ) {
    this.presence = options.presence ?? 0.75;
    this.maxDepth = options.maxDepth ?? 6;
  }

  /** A random object of a struct; TypeMeta fields are left to the caller. */
  struct(struct: StructModel, depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of struct.fields) {
      if (field.inlined && (field.name === 'apiVersion' || field.name === 'kind')) continue;
      const wanted = field.optional ? depth < this.maxDepth && this.random.chance(this.presence) : true;
      if (wanted) out[field.name] = this.value(field.type, depth + 1);
    }
    return out;
  }

  value(ref: TypeRef, depth: number): unknown {
    const resolved = this.index.resolve(ref);
    switch (resolved.kind) {
      case 'scalar':
        return this.scalar(resolved.name);
      case 'array': {
        const out: unknown[] = [];
        for (let i = this.random.int(1, 3); i > 0; i--) out.push(this.value(resolved.elem, depth + 1));
        return out;
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        for (let i = this.random.int(1, 3); i > 0; i--) out[this.random.word()] = this.value(resolved.value, depth + 1);
        return out;
      }
      case 'named': {
        const type = this.index.type(resolved.ref);
        if (type.kind === 'enum') return this.random.pick(type.values);
        if (type.kind === 'struct') return this.struct(type, depth);
        return this.value(type.target, depth);
      }
    }
  }

  scalar(name: ScalarName): unknown {
    const r = this.random;
    switch (name) {
      case 'string':
        return r.word();
      case 'boolean':
        return r.chance(0.5);
      case 'int32':
        return r.int(-(2 ** 31), 2 ** 31 - 1);
      case 'int64':
        return r.int(-(2 ** 52), 2 ** 52);
      case 'float64':
        return r.int(-1e6, 1e6) / 8;
      case 'bytes':
        return Buffer.from(r.word()).toString('base64');
      case 'Time':
        return new Date(r.int(0, 4e12 / 1000) * 1000).toISOString().replace('.000Z', 'Z');
      case 'MicroTime': {
        const seconds = new Date(r.int(0, 4e9) * 1000).toISOString().slice(0, 19);
        return `${seconds}.${String(r.int(0, 999999)).padStart(6, '0')}Z`;
      }
      case 'Quantity':
        return r.pick(QUANTITIES);
      case 'IntOrString':
        return r.chance(0.5) ? r.int(0, 65535) : r.word();
      case 'Duration':
        return r.pick(DURATIONS);
      case 'RawExtension':
      case 'FieldsV1':
        return { [r.word()]: r.chance(0.5) ? r.word() : { [r.word()]: r.int(0, 100) } };
      case 'JSON':
        return r.pick<unknown>([r.word(), r.int(0, 1000), true, { [r.word()]: [r.word()] }]);
    }
  }
}
