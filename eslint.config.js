import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import pluginQuery from '@tanstack/eslint-plugin-query'
import globals from 'globals'
import house from './eslint/feature-boundaries.js'

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'test-results-*', 'playwright-report', '.portal-data', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended-strict'],
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, house },
    rules: {
      'house/feature-boundaries': 'error',
      // The portal client is one per page, not data: factories close over it (platform/bound-queries.ts) and keys leave it out.
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['PortalClient'] } }],
      ...reactHooks.configs.recommended.rules,
      // TanStack Virtual is known to the compiler rules as un-memoizable; we do not use the compiler.
      'react-hooks/incompatible-library': 'off',
      // Only src/b24/ talks to the SDK; everything else sees our own types and errors.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@bitrix24/b24jssdk', message: 'Only src/b24/ may import the SDK.' }],
          patterns: [{ group: ['@bitrix24/b24jssdk/*'], message: 'Only src/b24/ may import the SDK.' }],
        },
      ],
    },
  },
  {
    files: ['src/b24/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.{ts,mjs}', '*.config.{ts,js}', '.ci/**/*.mjs', 'server/**/*.{mjs,mts}', 'scripts/**/*.{mjs,mts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
