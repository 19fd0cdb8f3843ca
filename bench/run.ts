/**
 * `npm run bench`: prints each measurement as a ratio against an anchor measured in the same run,
 * so the numbers mean the same on any machine.
 *
 *   codegen       cold full codegen (a fresh process) vs type-checking api-definitions with tsc
 *   deepcopy      generated deepCopy vs structuredClone vs a JSON round trip, on the largest
 *                 served fixture
 *   protobuf      generated encode/decode vs JSON.stringify/JSON.parse, on the same object
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installAll } from '../generated/install.generated.js';
import { MEDIA_JSON, Scheme, type WireObject } from '../runtime/machinery/scheme.js';
import { formatTime, measure, report, type Measurement } from './harness.js';

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

function timeCommand(args: string[], runs: number): Measurement {
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    total += performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  return { name: args.join(' ').replace(ROOT, '.'), nsPerOp: (total / runs) * 1e6, iterations: runs };
}

function benchCodegen(): void {
  // Inside the project, so that type libraries resolve from its node_modules.
  mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'kapi-bench-'));
  try {
    const tsconfig = path.join(dir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({ extends: path.join(ROOT, 'tsconfig.json'), include: [path.join(ROOT, 'api-definitions')], compilerOptions: { noEmit: true } }),
    );
    const tsc = timeCommand([path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], 2);
    const codegen = timeCommand(['--import', 'tsx', path.join(ROOT, 'generators', 'cli.ts'), '--verify', '--root', ROOT], 2);
    report('codegen (cold, fresh process each run)', { ...tsc, name: 'tsc --noEmit api-definitions' }, [{ ...codegen, name: 'npm run codegen -- --verify' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchObjects(): void {
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

process.stdout.write('kapi benchmarks (ratios are against the anchor measured in the same run)\n');
benchObjects();
benchCodegen();
process.stdout.write(`\ndone in ${formatTime(performance.now() * 1e6)}\n`);
