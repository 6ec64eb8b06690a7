import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  // clients/typescript/src is generated from the OpenAPI document (npm run api:client).
  {
    ignores: ['node_modules', 'dist', 'data', 'test-results', 'playwright-report', 'clients/typescript/src'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    // Only the audited write path writes the audit trail; the deprecated generic CRUD is gone.
    files: ['src/**/*.ts'],
    ignores: [
      'src/core/write.ts',
      'src/core/errors.ts',
      'src/core/backup.ts',
      'src/**/*.test.ts',
      'src/test/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/audit.ts', '**/core/crud.ts'],
              message: 'Write through src/core/write.ts (insertRow, updateRow, recordChanges, ...).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='AppError']",
          message: "Declare the error in the feature's errors.ts with defineErrors.",
        },
      ],
    },
  },
);
