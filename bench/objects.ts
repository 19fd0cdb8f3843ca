/**
 * objects: on the largest served fixture, generated deepCopy against structuredClone and a JSON
 * round trip, and generated protobuf encode/decode against JSON.stringify/JSON.parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { installAll } from '../generated/install.generated.js';
import { MEDIA_JSON, Scheme, type WireObject } from '../runtime/machinery/scheme.js';
import { measure, report } from './harness.js';

const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, '..', 'shared', 'reference', 'kubernetes', 'fixtures', 'HEAD');

const scheme = new Scheme();
installAll(scheme);

/** The largest fixture of a kind the scheme serves, by JSON size. */
function largestServedFixture(): { name: string; text: string } {
  let best: { name: string; text: string } | undefined;
  for (const name of readdirSync(FIXTURES).sort()) {
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    const object = JSON.parse(text) as WireObject;
    const [group, version] = String(object['apiVersion']).includes('/') ? String(object['apiVersion']).split('/') : ['', String(object['apiVersion'])];
    if (!scheme.recognizes({ group: group!, version: version!, kind: String(object['kind']) })) continue;
    if (!best || text.length > best.text.length) best = { name, text };
  }
  if (!best) throw new Error('no fixture of a served kind found');
  return best;
}

export function benchObjects(): void {
  const { name, text } = largestServedFixture();
  const decoded = scheme.decodeVersioned(text, MEDIA_JSON);
  const { kind } = decoded.gvk;
  const hub = scheme.toInternal(structuredClone(decoded.object), decoded.gvk, { defaults: false });
  process.stdout.write(`\nlargest served fixture: ${name} (${text.length} bytes of JSON)\n`);

  const clone = measure('structuredClone', () => structuredClone(hub));
  report('deepcopy of the hub object', clone, [
    measure('JSON.parse(JSON.stringify())', () => JSON.parse(JSON.stringify(hub))),
    measure(`generated deepCopy${kind}`, () => scheme.deepCopy(hub, decoded.gvk.group, kind)),
  ]);

  const codec = scheme.protobufCodec(decoded.gvk);
  if (!codec) {
    process.stdout.write(`\n${kind} has no protobuf codec; protobuf benchmark skipped\n`);
    return;
  }
  const versioned = decoded.object;
  const bytes = codec.encode(versioned);
  const json = JSON.stringify(versioned);
  process.stdout.write(`\nprotobuf ${bytes.length} bytes vs JSON ${json.length} bytes\n`);
  report('encode', measure('JSON.stringify', () => JSON.stringify(versioned)), [measure('protobuf encode', () => codec.encode(versioned))]);
  report('decode', measure('JSON.parse', () => JSON.parse(json)), [measure('protobuf decode', () => codec.decode(bytes))]);
}
