// Lint rules: typescript-eslint's recommended set everywhere, and on the Nango functions (integrations/)
// also Nango's own integration rules (@nangohq/eslint-plugin-custom-integrations-linting), as Nango's
// integration-templates repository runs them. Formatting is prettier's (`.prettierrc`), not eslint's.
import { fixupPluginRules } from '@eslint/compat';
import js from '@eslint/js';
import nangoIntegrations from '@nangohq/eslint-plugin-custom-integrations-linting';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: [
            'node_modules/**',
            'integrations/build/**',
            'integrations/dist/**',
            'integrations/.nango/**',
            '.local/**',
            'coverage/**',
            'tests/summary-reporter.cjs'
        ]
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            // `_name` marks a parameter or binding kept for its position (a callback's signature, a destructured rest).
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }]
        }
    },
    {
        files: ['integrations/**/*.ts'],
        // The plugin is written against ESLint 8's rule context (getAncestors, getSourceCode): fixupPluginRules adapts it.
        // Registered under the name Nango's integration-templates repository uses, so a rule named in a comment
        // here (`@nangohq/custom-integrations-linting/...`) is the same rule there.
        plugins: { '@nangohq/custom-integrations-linting': fixupPluginRules(nangoIntegrations) },
        rules: {
            '@nangohq/custom-integrations-linting/no-console-log': 'error',
            '@nangohq/custom-integrations-linting/no-while-true': 'error',
            '@nangohq/custom-integrations-linting/enforce-proxy-configuration-type': 'error',
            '@nangohq/custom-integrations-linting/query-params-in-params-object': 'error',
            '@nangohq/custom-integrations-linting/include-docs-for-endpoints': 'error',
            '@nangohq/custom-integrations-linting/proxy-call-retries': 'error',
            '@nangohq/custom-integrations-linting/type-external-api-responses': 'error',
            // A try/catch is marked `@allowTryCatch` with the reason it handles the error itself; a cast or an
            // in-place write the code cannot do without is disabled on its line, with the reason.
            '@nangohq/custom-integrations-linting/no-object-casting': 'error',
            '@nangohq/custom-integrations-linting/no-value-modification': 'error',
            '@nangohq/custom-integrations-linting/no-try-catch-unless-explicitly-allowed': 'error'
        }
    }
);
