// Lint rules: typescript-eslint's recommended set, plus the layering rule: runtime layers import
// only downward (machinery ← storage ← registry ← endpoints ← server ← apiservers ← cmd), and
// generators never import the runtime server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['machinery', 'storage', 'registry', 'admission', 'auth', 'endpoints', 'server', 'apiservers', 'cmd'];

/** For runtime/<layer>, forbid imports of every layer above it. */
function layerRules() {
  return layers.map((layer, i) => ({
    files: [`runtime/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: layers.slice(i + 1).map((above) => ({
            group: [`**/runtime/${above}/**`, `../${above}/**`, `../../${above}/**`],
            message: `runtime/${layer} must not import runtime/${above}: layers import only downward.`,
          })),
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'generated/**', 'test/**/testdata/**', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/naming-convention': 'off',
      camelcase: 'off',
    },
  },
  {
    // API types mirror upstream, which has empty structs such as meta/v1 Patch.
    files: ['api-definitions/**/*.ts', 'examples/*/api-definitions/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }] },
  },
  {
    files: ['generators/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/runtime/**'], message: 'generators emit code that imports the runtime; they do not import it themselves.' }] },
      ],
    },
  },
  ...layerRules(),
);
