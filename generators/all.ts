/** Every generator `npm run codegen` runs, in output order. */
import { conversionGenerator } from './conversion/index.js';
import { deepcopyGenerator } from './deepcopy/index.js';
import { defaultsGenerator } from './defaults/index.js';
import type { Generator } from './generator.js';
import { registerGenerator } from './register/index.js';

export const generators: readonly Generator[] = [
  deepcopyGenerator,
  conversionGenerator,
  defaultsGenerator,
  registerGenerator,
];
