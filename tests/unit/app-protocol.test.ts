/**
 * Packaged-app hardening that can be checked without Electron: the app:// protocol handler run on
 * a folder of its own (what it serves, with which headers, and every way out of the folder refused),
 * and the packaging config (electron-builder.yml) setting Electron's fuses.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  RENDERER_URL,
  createAppProtocolHandler,
  fileForUrl,
  type AppProtocolFiles,
} from '../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY, createSenderCheck } from '../../electron/main/security'
import { tempDir } from '../support/temp-db'

/** A built renderer: index.html and assets; a secret beside the folder, which must never be served. */
function rendererFolder(): string {
  const parent = tempDir('app-protocol-')
  const root = path.join(parent, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Turnaround Desk</title>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', 'pdf.worker.min.mjs'), 'self.onmessage = () => {}')
  fs.writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}')
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'the user’s own file')
  fs.writeFileSync(path.join(parent, 'renderer-evil.txt'), 'a sibling whose name starts like the folder')
  return root
}

describe('the app:// protocol handler', () => {
  it('serves the renderer’s files with their type and the Content-Security-Policy header', async () => {
    const handler = createAppProtocolHandler(rendererFolder())
    const page = await handler(new Request(RENDERER_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Turnaround Desk</title>')
    for (const [url, type] of [
      ['app://turnaround-desk/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://turnaround-desk/assets/pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
      ['app://turnaround-desk/assets/style.css?v=2#x', 'text/css; charset=utf-8'],
      ['app://turnaround-desk/', 'text/html; charset=utf-8'],
    ] as const) {
      const response = await handler(new Request(url))
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toBe(type)
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
    }
    const head = await handler(new Request(RENDERER_URL, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it.each([
    'app://turnaround-desk/../secret.txt',
    'app://turnaround-desk/%2e%2e/secret.txt',
    'app://turnaround-desk/%2E%2E%2Fsecret.txt',
    'app://turnaround-desk/assets/..%2f..%2fsecret.txt',
    'app://turnaround-desk/..%5csecret.txt',
    'app://turnaround-desk/assets%5c..%5c..%5csecret.txt',
    'app://turnaround-desk/%2fetc%2fpasswd',
    'app://turnaround-desk//etc/passwd',
    'app://turnaround-desk/C:/Windows/win.ini',
    'app://turnaround-desk/index.html%00.js',
    'app://turnaround-desk/../renderer-evil.txt',
    'app://turnaround-desk/%',
    'app://turnaround-desk/assets',
    'app://turnaround-desk/missing.js',
    'app://evil.example/index.html',
    'app://turnaround-desk.evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s, serving nothing outside the folder', async (url) => {
    const root = rendererFolder()
    const read: string[] = []
    const files: AppProtocolFiles = {
      read: async (file) => {
        read.push(file)
        return file.startsWith(`${root}${path.sep}`) && fs.existsSync(file) && fs.statSync(file).isFile()
          ? fs.readFileSync(file)
          : null
      },
    }
    const response = await createAppProtocolHandler(root, files)(new Request(url))
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Not found.')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    // Nothing outside the folder was even looked at.
    expect(read.every((f) => f.startsWith(`${root}${path.sep}`))).toBe(true)
  })

  it('answers only GET and HEAD', async () => {
    const handler = createAppProtocolHandler(rendererFolder())
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
      expect((await handler(new Request(RENDERER_URL, { method }))).status).toBe(405)
  })

  it('maps only paths inside the folder, and its page is the sender the IPC check trusts', () => {
    const root = rendererFolder()
    expect(fileForUrl(root, 'app://turnaround-desk/assets/index-abc.js')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    )
    expect(fileForUrl(root, 'app://turnaround-desk/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'))
    // A ../ (or %2e%2e/) segment is resolved by the URL itself, which cannot climb above its root;
    // one hidden behind an encoded slash or a backslash is refused.
    expect(fileForUrl(root, 'app://turnaround-desk/../x')).toBe(path.join(root, 'x'))
    expect(fileForUrl(root, 'app://turnaround-desk/%2e%2e/x')).toBe(path.join(root, 'x'))
    expect(fileForUrl(root, 'app://turnaround-desk/..%5cx')).toBeNull()
    expect(fileForUrl(root, 'app://turnaround-desk/a/..%2f..%2fx')).toBeNull()
    const check = createSenderCheck(RENDERER_URL)
    expect(check({ url: `${RENDERER_URL}#/clients/7`, parent: null })).toBe(true)
    expect(check({ url: 'app://turnaround-desk/other.html', parent: null })).toBe(false)
    expect(check({ url: 'file:///app/out/renderer/index.html', parent: null })).toBe(false)
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true }),
    })
  })
})

describe('packaging: Electron fuses', () => {
  const config = fs.readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8')
  /** The `electronFuses:` block as key → value (a flat YAML map of booleans). */
  const fuses = Object.fromEntries(
    (/^electronFuses:\n((?:[ ]{2}.+\n?)+)/m.exec(config)?.[1] ?? '')
      .split('\n')
      .map((line) => /^\s+(\w+):\s*(true|false)\s*(#.*)?$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2] === 'true']),
  )

  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on cookie encryption, ASAR integrity and loading only from the ASAR', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packages the app as an ASAR (the fuses that guard it need one), with only the native addon outside it', () => {
    expect(config).not.toMatch(/^asar:\s*false/m)
    expect(config).toMatch(/^asarUnpack:\n\s+- '\*\*\/\*\.node'$/m)
  })

  it('names every fuse electron-builder knows, so a misspelt one cannot pass unnoticed', () => {
    const known = fs.readFileSync(
      path.resolve(__dirname, '../../node_modules/app-builder-lib/out/configuration.d.ts'),
      'utf8',
    )
    for (const name of Object.keys(fuses)) expect(known).toContain(`${name}?: boolean`)
  })
})
