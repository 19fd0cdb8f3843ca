/** Every generator `npm run codegen` runs, in output order. */
import { clientGenerator } from './client/index.js';
import { conversionGenerator } from './conversion/index.js';
import { deepcopyGenerator } from './deepcopy/index.js';
import { defaultsGenerator } from './defaults/index.js';
import type { Generator } from './generator.js';
import { openapiGenerator } from './openapi/index.js';
import { patchGenerator } from './patch/index.js';
import { protobufGenerator } from './protobuf/index.js';
import { registerGenerator } from './register/index.js';

export const generators: readonly Generator[] = [
  deepcopyGenerator,
  conversionGenerator,
  defaultsGenerator,
  registerGenerator,
  protobufGenerator,
  patchGenerator,
  openapiGenerator,
  clientGenerator,
];
