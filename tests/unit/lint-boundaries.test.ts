// The walls between the layers (eslint.config.mjs, `walls/*`): each one is run through ESLint's own
// Node API with the project's config, on a small snippet placed at a path where it is forbidden
// (the wall's error expected) and at a path where it is allowed (no wall error).
import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..', '..')
let eslint: ESLint

// Loading the config and its plugins is the slow part (a second or more on a busy machine): done once here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root })
  await eslint.calculateConfigForFile(path.join(root, 'electron/shared/example.ts'))
}, 60_000)

/** The rule ids ESLint reports for `code` as if it were the file at `file` (relative to the root). */
async function wallsHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  if (!result) throw new Error(`ESLint returned no result for ${file}`)
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`)
  return result.messages.map((m) => m.ruleId ?? '(none)').filter((id) => id.startsWith('walls/'))
}

const vueFile = (script: string) =>
  `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  <div />\n</template>\n`

describe('electron/shared imports only zod and itself', () => {
  const wall = 'walls/shared-imports'
  it.each([
    ['electron', "import { app } from 'electron'\nexport const name = app.name"],
    ['a node: built-in', "import fs from 'node:fs'\nexport const read = fs.readFileSync"],
    ['a bare Node built-in', "import path from 'path'\nexport const join = path.join"],
    ['a Node built-in subpath', "import { readFile } from 'fs/promises'\nexport const read = readFile"],
    ['vue', "import { ref } from 'vue'\nexport const count = ref(0)"],
    ['pinia', "import { defineStore } from 'pinia'\nexport const useX = defineStore('x', {})"],
    ['naive-ui', "import { NButton } from 'naive-ui'\nexport const B = NButton"],
    [
      'main (a type import too)',
      "import type { ClientEntity } from '../../main/db/entities'\nexport type C = ClientEntity",
    ],
    ['the renderer', "import { api } from '../../../src/api'\nexport const a = api"],
    ['a re-export from main', "export { DomainError } from '../../main/domain-error'"],
  ])('refuses %s in a feature folder of electron/shared', async (_what, code) => {
    expect(await wallsHit('electron/shared/ledger/example.ts', code)).toEqual([wall])
  })

  it('refuses leaving electron/shared from its top folder', async () => {
    expect(
      await wallsHit('electron/shared/example.ts', "import { log } from '../main/log'\nexport const l = log"),
    ).toEqual([wall])
  })

  it('refuses dynamic import and require', async () => {
    expect(await wallsHit('electron/shared/example.ts', "export const load = () => import('node:fs')\n")).toEqual([
      'walls/shared-static-imports',
    ])
    expect(await wallsHit('electron/shared/example.ts', "export const e = require('electron')\n")).toEqual([
      'walls/shared-static-imports',
    ])
  })

  it('allows zod and other files in electron/shared', async () => {
    const code = [
      "import { z } from 'zod'",
      "import type { Money } from '../money'",
      "import { PERIODS } from './periods'",
      "import { LETTER_KINDS } from '../letters/words'",
      'export const all = [z, PERIODS, LETTER_KINDS] as const',
      'export type M = Money',
    ].join('\n')
    expect(await wallsHit('electron/shared/ledger/example.ts', code)).toEqual([])
    expect(
      await wallsHit(
        'electron/shared/example.ts',
        "import { z } from 'zod'\nimport { PERIODS } from './ledger/periods'\nexport const a = [z, PERIODS]",
      ),
    ).toEqual([])
  })
})

describe('a feature reaches another feature only through its index.ts', () => {
  const wall = 'walls/feature-entry'
  it("refuses another feature's file", async () => {
    expect(
      await wallsHit(
        'electron/main/features/ledger/example.ts',
        "import { x } from '../letters/letter-context'\nexport const a = x",
      ),
    ).toEqual([wall])
    expect(
      await wallsHit(
        'electron/main/features/letters/pdf/example.ts',
        "import { x } from '../../clients/clients-service'\nexport const a = x",
      ),
    ).toEqual([wall])
    expect(
      await wallsHit(
        'electron/main/features/ledger/example.ts',
        "export type { X } from '../../features/letters/letter-context'",
      ),
    ).toEqual([wall])
  })

  it("allows the other feature's entry, its own files, and the layers below", async () => {
    const code = [
      "import { a } from '../letters'",
      "import { b } from '../letters/index'",
      "import { c } from './figures-query'",
      "import { d } from '../../db/entities'",
      "import { e } from '../../domain-error'",
      "import { f } from '../../../shared/ledger/models'",
      'export const all = [a, b, c, d, e, f]',
    ].join('\n')
    expect(await wallsHit('electron/main/features/ledger/example.ts', code)).toEqual([])
    expect(
      await wallsHit(
        'electron/main/features/letters/pdf/example.ts',
        "import { a } from '../letter-context'\nimport { b } from '../../clients'\nimport { c } from './style'\nexport const all = [a, b, c]",
      ),
    ).toEqual([])
  })
})

describe('ipcMain lives in electron/main/ipc.ts', () => {
  const wall = 'walls/ipc-main'
  it('refuses ipcMain elsewhere in main, in the preload and in the renderer', async () => {
    expect(
      await wallsHit('electron/main/menu.ts', "import { ipcMain } from 'electron'\nipcMain.handle('x', () => 1)"),
    ).toEqual([wall, wall])
    expect(
      await wallsHit(
        'electron/main/features/system/example.ts',
        "import * as electron from 'electron'\nelectron.ipcMain.on('x', () => {})",
      ),
    ).toEqual([wall])
    expect(
      await wallsHit('electron/preload/example.ts', "const { ipcMain } = require('electron')\nexport default ipcMain"),
    ).toContain(wall)
  })

  it('allows ipc.ts to use it, and index.ts only to pass it to registerIpc', async () => {
    expect(
      await wallsHit(
        'electron/main/ipc.ts',
        "import type { IpcMain } from 'electron'\nexport const register = (ipcMain: Pick<IpcMain, 'handle'>) => ipcMain.handle('x', () => 1)",
      ),
    ).toEqual([])
    const passes =
      "import { ipcMain } from 'electron'\nimport { registerIpc } from './ipc'\nregisterIpc(ipcMain, dispatcher)"
    expect(await wallsHit('electron/main/index.ts', `declare const dispatcher: never\n${passes}`)).toEqual([])
  })

  it('refuses index.ts doing anything else with it', async () => {
    const uses = "import { ipcMain } from 'electron'\nipcMain.handle('x', () => 1)"
    expect(await wallsHit('electron/main/index.ts', uses)).toEqual([wall])
  })
})

describe('ipcRenderer lives in electron/preload/index.ts', () => {
  const wall = 'walls/ipc-renderer'
  it('refuses it in the rest of the preload, in main and in the renderer', async () => {
    const code = "import { ipcRenderer } from 'electron'\nexport const send = () => ipcRenderer.invoke('x')"
    expect(await wallsHit('electron/preload/api-factory.ts', code)).toEqual([wall, wall])
    expect(await wallsHit('electron/main/menu.ts', code)).toEqual([wall, wall])
  })

  it('allows it in the preload entry', async () => {
    const code = "import { ipcRenderer } from 'electron'\nexport const send = () => ipcRenderer.invoke('x')"
    expect(await wallsHit('electron/preload/index.ts', code)).toEqual([])
  })
})

describe('window.api is touched only by src/api', () => {
  const wall = 'walls/window-api'
  it('refuses it in components, stores and composables, however it is spelled', async () => {
    expect(await wallsHit('src/components/Example.vue', vueFile('window.api.onMenuCommand(() => {})'))).toEqual([wall])
    expect(await wallsHit('src/stores/example.ts', "export const call = () => window['api'].call")).toEqual([wall])
    expect(await wallsHit('src/composables/useExample.ts', 'const { api } = window\nexport const a = api')).toEqual([
      wall,
    ])
    expect(await wallsHit('src/views/Example.vue', vueFile('globalThis.api.onImportProgress(() => {})'))).toEqual([
      wall,
    ])
  })

  it('allows it in src/api', async () => {
    expect(await wallsHit('src/api/client.ts', 'export const call = () => window.api.call')).toEqual([])
  })
})

describe('components and views use stores, not src/api', () => {
  const wall = 'walls/components-use-stores'
  it('refuses src/api from a component, a nested component and a view', async () => {
    expect(await wallsHit('src/components/Example.vue', vueFile("import { api } from '../api'\nvoid api"))).toEqual([
      wall,
    ])
    expect(
      await wallsHit('src/components/ledger/Example.vue', vueFile("import { api } from '../../api'\nvoid api")),
    ).toEqual([wall])
    expect(await wallsHit('src/views/Example.vue', vueFile("import { call } from '../api/client'\nvoid call"))).toEqual(
      [wall],
    )
  })

  it('allows stores, src/errors.ts and electron/shared', async () => {
    const script = [
      "import { useLedgerStore } from '../../stores/ledger'",
      "import { ApiError, messageOf } from '../../errors'",
      "import type { MenuCommand } from '../../../electron/shared/words'",
      'const ledger = useLedgerStore()',
      "const command: MenuCommand = 'find'",
      'void [ledger, ApiError, messageOf, command]',
    ].join('\n')
    expect(await wallsHit('src/components/ledger/Example.vue', vueFile(script))).toEqual([])
  })

  it('allows a store to use src/api', async () => {
    expect(await wallsHit('src/stores/example.ts', "import { api } from '../api'\nexport const a = api")).toEqual([])
  })
})

describe('the renderer imports neither Electron, Node, main nor the preload', () => {
  const wall = 'walls/renderer-imports'
  it.each([
    ['electron', "import { shell } from 'electron'\nexport const s = shell"],
    ['a node: built-in', "import fs from 'node:fs'\nexport const f = fs"],
    ['a Node built-in', "import { join } from 'path'\nexport const j = join"],
    ['main', "import { log } from '../../electron/main/log'\nexport const l = log"],
    ['the preload', "import { createApi } from '../../electron/preload/api-factory'\nexport const c = createApi"],
  ])('refuses %s', async (_what, code) => {
    expect(await wallsHit('src/stores/example.ts', code)).toEqual([wall])
  })
})

describe('main imports neither the renderer, its UI packages nor the preload', () => {
  const wall = 'walls/main-imports'
  it.each([
    ['vue', 'electron/main/menu.ts', "import { ref } from 'vue'\nexport const r = ref"],
    [
      'naive-ui',
      'electron/main/features/letters/example.ts',
      "import { NButton } from 'naive-ui'\nexport const b = NButton",
    ],
    ['pinia', 'electron/main/db/example.ts', "import { defineStore } from 'pinia'\nexport const d = defineStore"],
    [
      'the renderer',
      'electron/main/features/ledger/example.ts',
      "import { api } from '../../../../src/api'\nexport const a = api",
    ],
    [
      'the preload',
      'electron/main/example.ts',
      "import { createApi } from '../preload/api-factory'\nexport const c = createApi",
    ],
  ])('refuses %s', async (_what, file, code) => {
    expect(await wallsHit(file, code)).toEqual([wall])
  })

  it('allows Electron, Node, its packages and electron/shared', async () => {
    const code = [
      "import { app } from 'electron'",
      "import fs from 'node:fs'",
      "import { Entity } from 'typeorm'",
      "import { CHANNELS } from '../shared/channels'",
      'export const all = [app, fs, Entity, CHANNELS]',
    ].join('\n')
    expect(await wallsHit('electron/main/example.ts', code)).toEqual([])
  })
})

describe('the preload imports only electron and electron/shared', () => {
  const wall = 'walls/preload-imports'
  it.each([
    ['a node: built-in', "import fs from 'node:fs'\nexport const f = fs"],
    ['an npm package', "import { z } from 'zod'\nexport const s = z"],
    ['main', "import { log } from '../main/log'\nexport const l = log"],
    ['the renderer', "import { api } from '../../src/api'\nexport const a = api"],
  ])('refuses %s', async (_what, code) => {
    expect(await wallsHit('electron/preload/api-factory.ts', code)).toEqual([wall])
  })

  it('allows electron, electron/shared and its own files', async () => {
    const code = [
      "import { contextBridge } from 'electron'",
      "import { CHANNELS } from '../shared/channels'",
      "import { createApi } from './api-factory'",
      'export const all = [contextBridge, CHANNELS, createApi]',
    ].join('\n')
    expect(await wallsHit('electron/preload/example.ts', code)).toEqual([])
  })
})
