/**
 * `npm run bench [-- <section>…]`: prints each measurement as a ratio against an anchor measured in
 * the same run, so the numbers mean the same on any machine, and each runtime figure against its
 * goal. With no argument every section runs (3.5 minutes on a quiet 2-core machine, about 8 on a
 * busy one; codegen is the longest); `npm run bench -- watch lists` runs those two. Servers are
 * started by the bench, on free loopback ports, and stopped. Rates of a server and its anchor are
 * taken in alternating rounds (best of each) and printed with the server's CPU time per
 * operation, which load from elsewhere on the machine disturbs less than rates.
 * `KAPI_BENCH_CPU_PROF=<dir>` makes every kapi the bench starts write a V8 CPU profile there.
 *
 *   objects   generated deepCopy vs structuredClone vs a JSON round trip, and generated protobuf
 *             encode/decode vs JSON.stringify/JSON.parse, on the largest served fixture
 *   codegen   cold full codegen (a fresh process) vs type-checking api-definitions with tsc
 *   creates   ConfigMaps created/s through `kapi serve --etcd-servers` (HTTPS POST, autocannon, 32
 *             connections) vs raw etcd3 client puts/s, 32 in flight, on the same etcd.
 *             Goal ≥ 0.6×
 *   gets      GETs/s of one ConfigMap (`?resourceVersion=0`, from the watch cache) vs a bare
 *             `node:https` server in its own process answering the same bytes and headers; both
 *             TLS with kapi's serving certificate (kapi serves only HTTPS). Goal ≥ 0.45×
 *   lists     LIST of 10,000 ConfigMaps on etcd with `resourceVersion=0` (watch cache) vs
 *             `resourceVersion=""` (etcd). Goal ≥ 20×. Then kapi's peak RSS above its idle RSS
 *             while 1, 4 and 16 such LISTs run at once: flat when items are streamed
 *   watch     p99 latency from sending a write to its event being read off each of 1,000 HTTPS
 *             watches (20 writes; the write's own answer time printed beside). Goal ≤ 50 ms
 *   memory    kapi's RSS with 100,000 small ConfigMaps in its watch cache (SQLite backend,
 *             written before start) minus its RSS with none: MiB and bytes per object
 *   custom-resources
 *             custom resources (a CRD with a schema, a default and a CEL rule) created/s vs
 *             ConfigMaps created/s through the same kapi (autocannon, 32 connections). Goal ≥ 0.8×
 *   aggregator GETs/s of one flunder through kapi's aggregator proxy vs straight to the sample
 *             aggregated server (examples/sample-apiserver, its own process) with the front-proxy
 *             certificate. Goal ≥ 0.6×
 */
import { formatTime, recordedGoals, formatFigure } from './harness.js';

const SECTIONS: Record<string, () => Promise<void>> = {
  objects: async () => (await import('./objects.js')).benchObjects(),
  codegen: async () => (await import('./codegen.js')).benchCodegen(),
  creates: async () => (await import('./creates.js')).benchCreates(),
  gets: async () => (await import('./gets.js')).benchGets(),
  lists: async () => (await import('./lists.js')).benchLists(),
  watch: async () => (await import('./watch.js')).benchWatch(),
  memory: async () => (await import('./memory.js')).benchMemory(),
  'custom-resources': async () => (await import('./custom-resources.js')).benchCustomResources(),
  aggregator: async () => (await import('./aggregator.js')).benchAggregator(),
};
const ALIASES: Record<string, string> = { deepcopy: 'objects', protobuf: 'objects' };

const wanted = process.argv.slice(2).map((name) => ALIASES[name] ?? name);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench section(s): ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}
const selected = wanted.length > 0 ? [...new Set(wanted)] : Object.keys(SECTIONS);

process.stdout.write(`kapi benchmarks: ${selected.join(', ')} (ratios are against the anchor measured in the same run)\n`);
let failed = false;
for (const name of selected) {
  const start = performance.now();
  try {
    await SECTIONS[name]!();
  } catch (error) {
    failed = true;
    process.stdout.write(`\n${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.stdout.write(`  (${name}: ${formatTime((performance.now() - start) * 1e6)})\n`);
}

const goals = recordedGoals();
if (goals.length > 0) {
  process.stdout.write('\ngoals\n');
  for (const g of goals) process.stdout.write(`  ${g.met ? 'met   ' : 'MISSED'}  ${g.name} ${g.op} ${g.target}${g.unit}: ${formatFigure(g.value)}${g.unit}\n`);
}
process.stdout.write(`\ndone in ${formatTime(performance.now() * 1e6)}\n`);
process.exit(failed ? 1 : 0);
