// Lint: Obsidian's plugin guidelines (eslint-plugin-obsidianmd, which brings ESLint's and typescript-eslint's
// type-checked recommended rules) on src/; the node-only parts (CLI, tests, build scripts) are exempt from
// the rules that exist for Obsidian's browser and mobile runtime.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'node_modules/',
    'main.js',
    'dist/',
    'coverage/',
    'bench/',
    'examples/',
    'test-results/',
    'tmp/',
  ]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', '*.ts', 'bin/*.mjs', 'scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // The command line runs in node: node built-ins and dev dependencies (gray-matter) are its business.
  {
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'import/no-extraneous-dependencies': 'off',
      'no-restricted-globals': 'off',
    },
  },
  // Build scripts, config files and the CLI launcher run in node.
  {
    files: ['*.mjs', '*.ts', 'bin/*.mjs', 'scripts/**/*.mjs', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      // A DOM-injection rule; here `import()` loads the bundle next to the launcher.
      'no-unsanitized/method': 'off',
      'import/no-extraneous-dependencies': 'off',
      // Scripts talk on the terminal (the rule wraps no-console), and `scripts/start.mjs` installs the
      // plugin into the demo vault's own `.obsidian` folder.
      'obsidianmd/rule-custom-message': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
      // Code a script hands to a plain browser page (playwright's evaluate) has no Obsidian helpers.
      'obsidianmd/prefer-create-el': 'off',
    },
  },
  // Tests: node and happy-dom, mocks typed loosely; the plugin rules are for shipped code.
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/ui/sentence-case': 'off',
      'obsidianmd/no-global-this': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-tfile-tfolder-cast': 'off',
      // Tests drive the mocks (any API version) and delete files the way a user would.
      'obsidianmd/no-unsupported-api': 'off',
      'obsidianmd/prefer-file-manager-trash-file': 'off',
      'import/no-extraneous-dependencies': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['warn', { args: 'none', varsIgnorePattern: '^_' }],
      'obsidianmd/rule-custom-message': 'off',
    },
  },
  // The browser tier's harness stands in for Obsidian itself: it fetches the vault, brings its own moment
  // and names the config folder, which plugin code must not.
  {
    files: ['tests/e2e/harness/**/*.ts'],
    rules: {
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-restricted-imports': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
    },
  },
  // manifest.json against the community store's rules (required keys, no "obsidian" in the id, name or
  // description, a description of 10–250 plain characters that ends with a period).
  {
    files: ['manifest.json'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },
  // moment is the browser harness's stand-in for the moment Obsidian ships to plugins; the plugin itself
  // takes moment from 'obsidian'. js-yaml reads the CLI's frontmatter (never main.js): it is the copy
  // gray-matter already brings, and about ten times faster than `yaml` on person notes (measured).
  {
    files: ['package.json'],
    rules: { 'depend/ban-dependencies': ['error', { allowed: ['moment', 'js-yaml'] }] },
  },
]);
