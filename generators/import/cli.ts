/**
 * `npm run import -- <source> --group <group> --version <version> [options]`: scaffolds
 * `api-definitions/<dir>/<version>/types.ts` (see index.ts). Existing files are kept unless
 * `--update` (additive merge) or `--force`; a new group also gets its doc.ts and a hub types.ts re-exporting the version.
 *
 *   <source>             an OpenAPI v2/v3 document or CRD manifests (JSON or YAML)
 *   --group NAME         the API group ("" for the core group); optional for CRDs of one group
 *   --version V          the version to import; a CRD defaults to its storage version
 *   --dir NAME           the group folder under api-definitions (default: the group's first label, core for "")
 *   --package PATH       the Go-style package path (default: the group's doc.ts, else the group name)
 *   --proto FILE         the package's generated.proto: +protobuf numbers, embedded structs, newer fields
 *   --root DIR           the project folder (default: the current directory)
 *   --update             bring an existing types.ts up to date, keeping hand edits (update.ts)
 *   --force              overwrite an existing types.ts
 *   --dry-run            print what would be written instead of writing
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ImportError, importTypes } from './index.js';
import { readGroupFacts, scanPackages } from './packages.js';
import { updateTypesFile } from './update.js';

interface Options {
  group?: string;
  version?: string;
  dir?: string;
  package?: string;
  proto?: string;
  root: string;
  force: boolean;
  update: boolean;
  dryRun: boolean;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('import')
    .description('scaffold api-definitions/<group>/<version>/types.ts from OpenAPI or CRDs')
    .argument('<source>', 'OpenAPI v2/v3 document or CRD manifests (JSON or YAML)')
    .option('--group <name>', 'API group ("" for the core group)')
    .option('--version <version>', 'version to import')
    .option('--dir <name>', 'group folder under api-definitions')
    .option('--package <path>', 'Go-style package path, e.g. k8s.io/api/apps')
    .option('--proto <file>', "the package's generated.proto")
    .option('--root <dir>', 'project folder', process.cwd())
    .option('--update', 'update an existing types.ts, keeping hand edits', false)
    .option('--force', 'overwrite an existing types.ts', false)
    .option('--dry-run', 'print instead of writing', false)
    .parse(argv);
  const options = program.opts<Options>();
  const source = program.args[0]!;
  const root = path.resolve(options.root);
  const definitionsDir = path.join(root, 'api-definitions');
  try {
    const group = options.group === '""' ? '' : options.group;
    const read = (file: string) => ({ text: readFileSync(file, 'utf8'), name: file });
    const dirGuess = options.dir ?? (group === undefined ? undefined : group === '' ? 'core' : group.split('.')[0]);
    const facts = dirGuess ? readGroupFacts(path.join(definitionsDir, dirGuess, 'doc.ts'), dirGuess) : undefined;
    const result = await importTypes({
      source: read(source),
      ...(group !== undefined ? { group } : {}),
      ...(options.version ? { version: options.version } : {}),
      ...(options.dir ? { dir: options.dir } : {}),
      ...(options.package ? { packagePath: options.package } : {}),
      ...(options.proto ? { proto: read(options.proto) } : {}),
      known: scanPackages(definitionsDir),
      ...(facts && dirGuess
        ? { existingGroup: { packagePath: facts.packagePath, hasHub: existsSync(path.join(definitionsDir, dirGuess, 'types.ts')) } }
        : {}),
    });
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    const [fresh, ...others] = result.files;
    const typesPath = path.join(root, fresh!.path);
    let types = fresh!;
    if (existsSync(typesPath) && options.update && !options.force) {
      const updated = await updateTypesFile(readFileSync(typesPath, 'utf8'), fresh!.content);
      for (const line of updated.added) process.stderr.write(`  ${line}\n`);
      if (updated.content === readFileSync(typesPath, 'utf8')) {
        process.stdout.write(`  unchanged ${fresh!.path}\n`);
        types = { ...fresh!, content: '' };
      } else {
        types = { ...fresh!, content: updated.content };
      }
    } else if (!options.force && !options.dryRun && existsSync(typesPath)) {
      process.stderr.write(`${fresh!.path} exists; pass --update to merge into it or --force to overwrite it\n`);
      return 1;
    }
    for (const file of [types, ...others.filter((f) => !existsSync(path.join(root, f.path)))]) {
      if (file.content === '') continue;
      if (options.dryRun) {
        process.stdout.write(`// ${file.path}\n${file.content}\n`);
        continue;
      }
      mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
      writeFileSync(path.join(root, file.path), file.content);
      process.stdout.write(`  wrote ${file.path}\n`);
    }
    const summary = result.resources.map((r) => {
      const extra = r.otherSubresources.length > 0 ? ` (also ${r.otherSubresources.map((s) => `${r.plural}/${s}`).join(', ')})` : '';
      return `${r.plural}${extra}`;
    });
    process.stdout.write(`import: ${result.kinds.length} kinds; resources: ${summary.join(', ') || 'none'}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      process.stderr.write(`import failed:\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv);
