// ESLint for the whole repository: typescript-eslint and eslint-plugin-vue for correctness, Prettier
// alone for style (eslint-config-prettier turns the style rules off), and the walls between the
// layers as rules that fail `npm run lint` and so `npm test`.
//
// The walls are ESLint's own no-restricted-imports and no-restricted-syntax, registered once per
// wall under the `walls/` prefix: each wall is then a rule of its own, so two walls on one file never
// replace each other's options (flat config replaces a rule's options, it does not merge them), and
// an error names the wall it hit. tests/unit/lint-boundaries.test.ts proves each one.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import { builtinRules } from 'eslint/use-at-your-own-risk'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const restrictedImports = builtinRules.get('no-restricted-imports')
const restrictedSyntax = builtinRules.get('no-restricted-syntax')

const walls = {
  rules: {
    'shared-imports': restrictedImports,
    'shared-static-imports': restrictedSyntax,
    'feature-entry': restrictedImports,
    'ipc-main': restrictedSyntax,
    'ipc-renderer': restrictedSyntax,
    'window-api': restrictedSyntax,
    'components-use-stores': restrictedImports,
    'renderer-imports': restrictedImports,
    'main-imports': restrictedImports,
    'preload-imports': restrictedImports,
  },
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** `../` repeated: the relative prefix that leaves a folder `levels` deep below a layer's root. */
const up = (levels) => `(\\.\\./){${levels}}`
/** Files exactly `depth` folders below `root` (0: the root's own files). */
const filesAt = (root, depth) => [`${root}/${'*/'.repeat(depth)}*.{ts,mts,js,mjs}`]
/** Today the deepest folder is one below a layer or feature; a file deeper than these would go unchecked: add a depth. */
const DEPTHS = [0, 1, 2, 3, 4]

/** `import { x }` and `{ x } = ...` hold the name twice (imported and local, key and value): report it once. */
const ONCE = ':not(ImportSpecifier > Identifier.local, Property[shorthand=true] > Identifier.value)'

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'))
const nodeBuiltin = `^(node:.*|(${NODE_BUILTINS.map(escape).join('|')})(/.*)?)$`

const SHARED_MESSAGE =
  'electron/shared is loaded by main, preload and renderer alike: it may import only zod and other files in electron/shared.'
const FEATURE_MESSAGE =
  "A feature imports another feature only through that feature's public entry (features/<name>/index.ts), never its files."

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'test-results/',
    'playwright-report/',
    'electron/build/native/',
    'tests/fixtures/',
    'resources/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],

  {
    name: 'project/languages',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    name: 'project/vue',
    files: ['**/*.vue'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    name: 'project/globals',
    files: ['electron/**', 'tests/**', '*.{ts,mts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'project/renderer-globals',
    files: ['src/**', 'electron/preload/**', 'tests/e2e/**', 'tests/component/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'project/typescript',
    files: ['**/*.{ts,mts,vue}'],
    rules: {
      // The TypeScript compiler (vue-tsc, strict) already reports undefined names, with the types
      // the renderer and main really have; ESLint's own check cannot see them in .vue files.
      'no-undef': 'off',
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a rest sibling).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // Style is Prettier's alone: this turns off every rule that would fight it (core, TS and Vue).
  prettier,

  // ---- The walls -------------------------------------------------------------------------------
  { name: 'walls/plugin', plugins: { walls } },

  // electron/shared: zod and itself, nothing else (no electron, no Node, no Vue, no main or src).
  ...DEPTHS.map((depth) => ({
    name: `walls/shared-imports depth ${depth}`,
    files: filesAt('electron/shared', depth),
    rules: {
      'walls/shared-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.|zod(/|$))', message: SHARED_MESSAGE },
            { regex: `^${up(depth + 1)}|^${up(depth)}\\.\\.$`, message: SHARED_MESSAGE },
          ],
        },
      ],
    },
  })),
  {
    name: 'walls/shared-static-imports',
    files: ['electron/shared/**'],
    rules: {
      'walls/shared-static-imports': [
        'error',
        { selector: 'ImportExpression', message: `${SHARED_MESSAGE} (No dynamic import.)` },
        { selector: "CallExpression[callee.name='require']", message: `${SHARED_MESSAGE} (No require.)` },
      ],
    },
  },

  // A feature reaches another only through its public entry: `../<other>` or `../<other>/index`,
  // never `../<other>/<file>`. (The features folder's own files, such as handlers.ts, are the
  // composition root that wires the features together, and are not inside any feature.)
  ...DEPTHS.map((depth) => ({
    name: `walls/feature-entry depth ${depth}`,
    files: filesAt('electron/main/features/*', depth),
    rules: {
      'walls/feature-entry': [
        'error',
        {
          patterns: [
            { regex: `^${up(depth + 1)}[^./][^/]*/(?!index(\\.ts)?$)`, message: FEATURE_MESSAGE },
            { regex: `^${up(depth + 2)}features/[^/]+/(?!index(\\.ts)?$)`, message: FEATURE_MESSAGE },
          ],
        },
      ],
    },
  })),

  // ipcMain: only electron/main/ipc.ts registers handlers on it.
  {
    name: 'walls/ipc-main',
    files: ['electron/**', 'src/**'],
    ignores: ['electron/main/ipc.ts', 'electron/main/index.ts'],
    rules: {
      'walls/ipc-main': [
        'error',
        {
          selector: `Identifier[name='ipcMain']${ONCE}, Literal[value='ipcMain']`,
          message: 'Only electron/main/ipc.ts touches ipcMain (electron/main/index.ts passes it to registerIpc).',
        },
      ],
    },
  },
  // The one exception: electron/main/index.ts is where the real Electron modules are at hand, so it
  // imports ipcMain and hands it to registerIpc (ipc.ts takes it as a parameter, which keeps ipc.ts
  // testable with a fake). It may do nothing else with it.
  {
    name: 'walls/ipc-main in electron/main/index.ts',
    files: ['electron/main/index.ts'],
    rules: {
      'walls/ipc-main': [
        'error',
        {
          selector:
            "Identifier[name='ipcMain']:not(ImportSpecifier > Identifier, CallExpression[callee.name='registerIpc'] > Identifier.arguments:first-child)",
          message: 'electron/main/index.ts may only import ipcMain and pass it to registerIpc; ipc.ts does the rest.',
        },
      ],
    },
  },

  // ipcRenderer: only the preload's entry.
  {
    name: 'walls/ipc-renderer',
    files: ['electron/**', 'src/**'],
    ignores: ['electron/preload/index.ts'],
    rules: {
      'walls/ipc-renderer': [
        'error',
        {
          selector: `Identifier[name='ipcRenderer']${ONCE}, Literal[value='ipcRenderer']`,
          message: 'Only electron/preload/index.ts touches ipcRenderer.',
        },
      ],
    },
  },

  // window.api: only the renderer's typed client in src/api.
  {
    name: 'walls/window-api',
    files: ['src/**'],
    ignores: ['src/api/**'],
    rules: {
      'walls/window-api': [
        'error',
        {
          selector:
            "MemberExpression[object.name=/^(window|globalThis|self)$/]:matches([property.name='api'], [property.value='api'])",
          message: "Only src/api touches window.api: call the feature's store (or, in a store, `api` from src/api).",
        },
        {
          selector:
            "VariableDeclarator[init.name=/^(window|globalThis|self)$/] > ObjectPattern > Property[key.name='api']",
          message: "Only src/api touches window.api: call the feature's store (or, in a store, `api` from src/api).",
        },
      ],
    },
  },

  // Components and views talk to stores; stores talk to src/api. (ApiError and messageOf are in
  // src/errors.ts, open to all.)
  {
    name: 'walls/components-use-stores',
    files: ['src/components/**', 'src/views/**'],
    rules: {
      'walls/components-use-stores': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+api(/.*)?$',
              message: 'Components and views call stores, not src/api (errors come from src/errors.ts).',
            },
          ],
        },
      ],
    },
  },

  // The renderer is sandboxed: no Electron, no Node, and nothing of main or the preload.
  {
    name: 'walls/renderer-imports',
    files: ['src/**'],
    rules: {
      'walls/renderer-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^electron(/.*)?$|${nodeBuiltin}`,
              message: 'The renderer runs sandboxed: it reaches main only through src/api, never Electron or Node.',
            },
            {
              regex: '^(\\.\\./)+electron/(main|preload)(/.*)?$',
              message: 'The renderer may import electron/shared, never main or the preload.',
            },
          ],
        },
      ],
    },
  },

  // Main never loads the renderer's code or its UI packages, nor the preload.
  {
    name: 'walls/main-imports',
    files: ['electron/main/**'],
    rules: {
      'walls/main-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(vue|vue-router|pinia|naive-ui|chart\\.js|vue-chartjs|pdfjs-dist)(/.*)?$',
              message: 'Main has no screens: Vue, Pinia, Naive UI and the charts belong to the renderer (src/).',
            },
            {
              regex: '^(\\.\\./)+(src|preload)(/.*)?$',
              message: 'Main may import electron/shared, never the renderer (src/) or the preload.',
            },
          ],
        },
      ],
    },
  },

  // The preload is bundled into one sandboxed script that may only require electron: it imports
  // electron, electron/shared and its own files.
  {
    name: 'walls/preload-imports',
    files: ['electron/preload/*.{ts,mts,js,mjs}'],
    rules: {
      'walls/preload-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|electron$)',
              message: 'The sandboxed preload may import only electron and electron/shared (and its own files).',
            },
            {
              regex: '^\\.\\./(?!shared(/|$))',
              message: 'The sandboxed preload may import only electron and electron/shared (and its own files).',
            },
          ],
        },
      ],
    },
  },
])
