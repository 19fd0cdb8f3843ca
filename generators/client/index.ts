/**
 * client: TypeScript types for API consumers, one file per versioned package.
 *
 * For each `api-definitions/<group>/<version>` it writes
 * `generated/<group>/<version>/client.generated.ts`, produced by openapi-typescript from the
 * package's OpenAPI v3 document (the `openapi` generator's component schemas plus the schemas
 * of other packages they reference, so the file needs no imports). It exports
 * openapi-typescript's `components` (and its empty `paths`, `webhooks`, `$defs`, `operations`)
 * and one `export type` per struct, enum and alias of the package, named as in
 * `api-definitions/`:
 *
 * ```ts
 * import type { HorizontalPodAutoscaler } from '../generated/autoscaling/v2/client.generated.js';
 * ```
 *
 * Properties without `?` are required; defaulted properties stay optional (the server
 * defaults them); IntOrString is `number | string`; RawExtension and FieldsV1 are
 * `Record<string, unknown>`. Internal packages get nothing.
 */
import type { GeneratedFile, Generator } from '../generator.js';
import { fileHeader } from '../generator.js';
import { ModelIndex } from '../model/lookup.js';
import type { ApiModel } from '../model/types.js';
import { generatedFile, typesFile } from '../paths.js';
import { layoutTypeScript, templates } from '../render.js';
import { buildPackageSchemas, buildSchemas } from '../openapi/definitions.js';
import { OPENAPI_V3 } from '../openapi/flavour.js';
import { packageTargets } from '../openapi/targets.js';
import { packageDocument } from './document.js';
import { namedTypes } from './named-types.js';
import { schemaDeclarations } from './typescript.js';

const render = templates(new URL('./templates/', import.meta.url));

export const clientGenerator: Generator = {
  name: 'client',
  async generate(model: ApiModel): Promise<GeneratedFile[]> {
    const index = new ModelIndex(model);
    const all = buildSchemas(model);
    const files: GeneratedFile[] = [];
    for (const target of packageTargets(model)) {
      const own = buildPackageSchemas(index, target.pkg, OPENAPI_V3);
      const document = packageDocument(target.groupVersion, target.pkg.version, own, all);
      const source = render('client.ts', {
        header: fileHeader('client', typesFile(target.pkg)),
        groupVersion: target.groupVersion,
        declarations: await schemaDeclarations(document),
        namedTypes: namedTypes(index, target.pkg),
      });
      files.push({ path: generatedFile(target.pkg, 'client'), content: layoutTypeScript(source) });
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};
