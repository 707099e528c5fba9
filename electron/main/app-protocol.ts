/**
 * The renderer is served from `app://turnaround-desk/…`, a custom protocol handled in main
 * (`protocol.handle`), instead of `file://`: a page on file:// could read any file the user can,
 * and Electron grants file:// pages privileges beyond a browser's. The handler serves only files
 * inside the built renderer folder, for GET and HEAD, with the Content-Security-Policy header on
 * every response; a path that leaves the folder (`..`, encoded or not, a backslash, an absolute
 * path, a NUL byte), another host or another method is refused.
 *
 * The scheme is registered as standard (so relative URLs and the origin work like https), secure
 * (so the page is a secure context) and allowed to use fetch and stream, before the app is ready.
 * The file system is a port, so tests run the handler on a folder of their own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from './security'

export const APP_SCHEME = 'app'
export const APP_HOST = 'turnaround-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const RENDERER_URL = `${APP_ORIGIN}/index.html`

/** For protocol.registerSchemesAsPrivileged, called before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
}

export interface AppProtocolFiles {
  /** The file's bytes, or null when there is no such file (or it is a folder). */
  read(file: string): Promise<Uint8Array | null>
}

export const realFiles: AppProtocolFiles = {
  async read(file) {
    try {
      const stat = await fs.promises.stat(file)
      if (!stat.isFile()) return null
      return await fs.promises.readFile(file)
    } catch {
      return null
    }
  },
}

function refuse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY },
  })
}

/**
 * The file a request names inside `root`, or null when it names none or would leave it. Decodes
 * the path once, then refuses anything that could climb out: a NUL, a backslash, a `..` segment,
 * a drive or absolute path; and finally checks the resolved path is still under `root`.
 */
export function fileForUrl(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (relative === '/' || relative === '') relative = '/index.html'
  if (/[\0\\]/.test(relative) || /^\/[A-Za-z]:/.test(relative) || relative.startsWith('//')) return null
  const segments = relative.split('/').slice(1)
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return null
  const base = path.resolve(root)
  const file = path.resolve(base, ...segments)
  return file.startsWith(`${base}${path.sep}`) ? file : null
}

/** The protocol.handle handler serving `root` (the built renderer folder). */
export function createAppProtocolHandler(
  root: string,
  files: AppProtocolFiles = realFiles,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET and HEAD are served.')
    const file = fileForUrl(root, request.url)
    if (!file) return refuse(404, 'Not found.')
    const bytes = await files.read(file)
    if (!bytes) return refuse(404, 'Not found.')
    const headers = {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    }
    return new Response(request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>), { status: 200, headers })
  }
}
