/** Codegen errors: each names the file, line and field or type it is about. */
import type { SourceLocation } from './model/types.js';

export class CodegenError extends Error {
  constructor(
    readonly location: SourceLocation | undefined,
    readonly subject: string,
    readonly detail: string,
  ) {
    super(`${location ? `${location.file}:${location.line}: ` : ''}${subject}: ${detail}`);
    this.name = 'CodegenError';
  }
}

/** Several errors found in one pass, reported together so a user fixes them in one go. */
export class CodegenErrors extends Error {
  readonly errors: readonly CodegenError[];

  constructor(errors: readonly CodegenError[]) {
    const sorted = [...errors].sort(byLocation);
    super(sorted.map((e) => e.message).join('\n'));
    this.errors = sorted;
    this.name = 'CodegenErrors';
  }
}

function byLocation(a: CodegenError, b: CodegenError): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.location?.line ?? 0) - (b.location?.line ?? 0);
}
