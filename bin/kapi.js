#!/usr/bin/env node
// The `kapi` command: the compiled CLI when `npm run build` has written dist/, otherwise the
// TypeScript sources loaded through tsx (as `npm start` runs them).
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const compiled = new URL('../dist/runtime/cmd/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../runtime/cmd/main.ts', import.meta.url).href);
}
