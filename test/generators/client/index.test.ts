import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clientGenerator } from '../../../generators/client/index.js';
import { GENERATED_HEADER } from '../../../generators/generator.js';
import { assertMatchesGoldens } from '../openapi/goldens.js';
import { sampleModel } from '../openapi/sample-model.js';
import { typeErrors } from './typecheck.js';

const CASE = new URL('./testdata/sample/', import.meta.url);
const golden = (file: string): string => path.join(fileURLToPath(CASE), file);

describe('clientGenerator', () => {
  it('matches the goldens of the sample model', async () => {
    assertMatchesGoldens(CASE, await clientGenerator.generate(sampleModel));
  });

  it('writes one file per versioned package and none for the internal one', async () => {
    assert.deepEqual(
      (await clientGenerator.generate(sampleModel)).map((file) => file.path),
      [
        'generated/meta/v1/client.generated.ts',
        'generated/widgets/v1/client.generated.ts',
        'generated/widgets/v1beta1/client.generated.ts',
      ],
    );
  });

  it('starts every file with the generated-code header', async () => {
    for (const file of await clientGenerator.generate(sampleModel)) {
      assert.equal(file.content.split('\n')[0], `// ${GENERATED_HEADER}`, file.path);
    }
  });

  it('gives the same bytes on every run', async () => {
    assert.deepEqual(
      await clientGenerator.generate(sampleModel),
      await clientGenerator.generate(sampleModel),
    );
  });

  it('type-checks on its own', () => {
    const files = ['meta/v1', 'widgets/v1', 'widgets/v1beta1'].map((dir) =>
      golden(`generated/${dir}/client.generated.ts`),
    );
    assert.deepEqual(typeErrors(files), []);
  });

  it('types what consumers write, and rejects what the API does not accept', () => {
    const consumer = golden('consumer.ts');
    const source = `
      import type { Phase, PortRef, Widget, WidgetList } from './generated/widgets/v1/client.generated.js';
      export const widget: Widget = {
        apiVersion: 'widgets.example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w', labels: { app: 'w' }, creationTimestamp: '2008-01-01T01:01:01Z' },
        spec: { name: 'w', port: 8080, target: 'http', template: { kind: 'Pod' }, config: [1], phase: 'Running' },
      };
      export const list: WidgetList = { items: [widget] };
      export const port: PortRef = { name: 'p', port: 1 };
      export const phase: Phase = 'Pending';
      // @ts-expect-error the spec requires a name
      export const nameless: Widget = { spec: {} };
      // @ts-expect-error IntOrString is not a boolean
      export const badPort: Widget = { spec: { name: 'w', port: true } };
      // @ts-expect-error not a phase
      export const badPhase: Phase = 'Sleeping';
    `;
    assert.deepEqual(typeErrors([], { [consumer]: source }), []);
  });
});
