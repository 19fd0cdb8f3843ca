/**
 * `npm run codegen [-- --verify | --dump-model]`: reads `api-definitions/`, runs every generator
 * and writes `generated/`; then does the same for every example server's own definitions
 * (`examples/<name>/api-definitions/` → `examples/<name>/generated/`), whose types share the
 * project's meta/v1.
 *
 *   --verify       write nothing; exit 1 listing every file that would change
 *   --dump-model   print the API model (of the project's api-definitions/) as JSON and exit
 *   --root DIR     the project folder (default: the current directory)
 */
import { Command } from 'commander';
import { generators } from './all.js';
import { definitionsRoots, generateAll, sync, type CodegenResult } from './codegen.js';
import { CodegenErrors } from './errors.js';
import type { GeneratedFile } from './generator.js';
import { generatedRootFor } from './paths.js';
import { readApiModel } from './reader/index.js';

async function main(argv: string[]): Promise<number> {
  const program = new Command('codegen')
    .description('generate deepcopy, conversion, defaults, registration, OpenAPI, protobuf and client code')
    .option('--verify', 'write nothing; exit 1 listing differences', false)
    .option('--dump-model', 'print the API model as JSON', false)
    .option('--root <dir>', 'project folder', process.cwd())
    .parse(argv);
  const options = program.opts<{ verify: boolean; dumpModel: boolean; root: string }>();
  const started = performance.now();

  try {
    if (options.dumpModel) {
      process.stdout.write(`${JSON.stringify(readApiModel(options.root), null, 2)}\n`);
      return 0;
    }
    // Every root is read and generated before anything is written, so an error anywhere writes nothing.
    const runs: { files: GeneratedFile[]; generatedRoot: string }[] = [];
    for (const definitions of definitionsRoots(options.root)) {
      const generatedRoot = generatedRootFor(definitions);
      const model = readApiModel(options.root, definitions);
      runs.push({ files: await generateAll(model, generators, generatedRoot), generatedRoot });
    }
    const results: CodegenResult[] = runs.map((run) => sync(options.root, run.files, options.verify, run.generatedRoot));
    const files = runs.flatMap((run) => run.files);
    const result: CodegenResult = {
      written: results.flatMap((r) => r.written),
      unchanged: results.flatMap((r) => r.unchanged),
      removed: results.flatMap((r) => r.removed),
    };
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (options.verify) {
      const stale = [...result.written.map((f) => `  differs: ${f}`), ...result.removed.map((f) => `  stale:   ${f}`)];
      if (stale.length > 0) {
        process.stderr.write(`codegen --verify: ${stale.length} file(s) out of date; run \`npm run codegen\`\n${stale.join('\n')}\n`);
        return 1;
      }
      process.stdout.write(`codegen --verify: ${files.length} files up to date (${seconds}s)\n`);
      return 0;
    }
    for (const file of result.written) process.stdout.write(`  wrote   ${file}\n`);
    for (const file of result.removed) process.stdout.write(`  removed ${file}\n`);
    process.stdout.write(
      `codegen: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed (${seconds}s)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CodegenErrors) {
      process.stderr.write(`codegen failed; nothing was written:\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv);
