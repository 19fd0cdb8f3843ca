/**
 * Type-checks files with the project's compiler options, plus in-memory sources, and returns
 * the diagnostics as `file(line): message` strings.
 */
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function projectOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** @param virtual sources that exist only in memory, keyed by absolute path */
export function typeErrors(files: readonly string[], virtual: Record<string, string> = {}): string[] {
  const options = { ...projectOptions(), noEmit: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => virtual[name] ?? readFile(name);
  host.fileExists = (name) => name in virtual || fileExists(name);
  host.getSourceFile = (name, language, onError, create) =>
    name in virtual
      ? ts.createSourceFile(name, virtual[name], language)
      : getSourceFile(name, language, onError, create);
  const program = ts.createProgram([...files, ...Object.keys(virtual)], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(ROOT, diagnostic.file.fileName)}(${line + 1}): ${message}`;
  });
}
