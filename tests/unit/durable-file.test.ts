import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeAtomically, writeFileAtomically, writeFileAtomicallySync } from '../../electron/main/durable-file'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('a whole file or nothing', () => {
  it('writes the file and leaves no temporary file beside it', async () => {
    const target = path.join(dir, 'letter.pdf')
    await writeFileAtomically(target, new Uint8Array([1, 2, 3]))
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3])
    expect(fs.readdirSync(dir)).toEqual(['letter.pdf'])
  })

  it('keeps the old file untouched and removes the partial one when the writer fails halfway', async () => {
    const target = path.join(dir, 'export.json')
    fs.writeFileSync(target, 'the old export')
    await expect(
      writeAtomically(target, async (h) => {
        await h.write('half of the new')
        throw new Error('disk pulled out')
      }),
    ).rejects.toThrow('disk pulled out')
    expect(fs.readFileSync(target, 'utf8')).toBe('the old export')
    expect(fs.readdirSync(dir)).toEqual(['export.json'])
  })

  it('passes the original error on when the folder does not exist, for the caller to put in words', async () => {
    await expect(writeFileAtomically(path.join(dir, 'gone', 'x.csv'), 'a')).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('writes synchronously too (the window state at quit), replacing the old file whole', () => {
    const target = path.join(dir, 'window-state.json')
    fs.writeFileSync(target, '{"old":true}')
    writeFileAtomicallySync(target, '{"width":1200}')
    expect(fs.readFileSync(target, 'utf8')).toBe('{"width":1200}')
    expect(fs.readdirSync(dir)).toEqual(['window-state.json'])
  })
})
