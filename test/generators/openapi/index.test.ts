import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GENERATED_HEADER } from '../../../generators/generator.js';
import { openapiGenerator } from '../../../generators/openapi/index.js';
import { assertMatchesGoldens } from './goldens.js';
import { sampleModel } from './sample-model.js';

describe('openapiGenerator', () => {
  it('matches the goldens of the sample model', async () => {
    assertMatchesGoldens(
      new URL('./testdata/sample/', import.meta.url),
      await openapiGenerator.generate(sampleModel),
    );
  });

  it('writes three files per versioned package and none for the internal one', async () => {
    const paths = (await openapiGenerator.generate(sampleModel)).map((file) => file.path);
    assert.deepEqual(paths, [
      'generated/meta/v1/openapi.generated.ts',
      'generated/meta/v1/validators.generated.d.ts',
      'generated/meta/v1/validators.generated.js',
      'generated/widgets/v1/openapi.generated.ts',
      'generated/widgets/v1/validators.generated.d.ts',
      'generated/widgets/v1/validators.generated.js',
      'generated/widgets/v1beta1/openapi.generated.ts',
      'generated/widgets/v1beta1/validators.generated.d.ts',
      'generated/widgets/v1beta1/validators.generated.js',
    ]);
  });

  it('starts every file with the generated-code header', async () => {
    for (const file of await openapiGenerator.generate(sampleModel)) {
      assert.equal(file.content.split('\n')[0], `// ${GENERATED_HEADER}`, file.path);
    }
  });

  it('gives the same bytes on every run', async () => {
    const first = await openapiGenerator.generate(sampleModel);
    const second = await openapiGenerator.generate(sampleModel);
    assert.deepEqual(second, first);
  });
});
