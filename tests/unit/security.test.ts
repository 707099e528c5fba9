import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  createSenderCheck,
  hardenSession,
  hardenWebContents,
  hardenedWebPreferences,
  isSafeExternalUrl,
} from '../../electron/main/security'

type AnyFn = (...args: unknown[]) => unknown

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name, values)
  }
  return map
}

describe('hardenedWebPreferences', () => {
  it('isolates and sandboxes the renderer, without Node, and passes the preload path', () => {
    const prefs = hardenedWebPreferences('/app/out/preload/index.js')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('uses the path it is given', () => {
    expect(hardenedWebPreferences('C:\\x\\preload.js').preload).toBe('C:\\x\\preload.js')
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = directives(CONTENT_SECURITY_POLICY)

  it("allows scripts only from 'self', never inline or eval", () => {
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })

  it('denies everything by default and forbids plugins', () => {
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
  })

  it('does not let the app be framed, post forms or reach the network elsewhere', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
  })

  it('is one header line with no wildcard source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('\n')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\bhttps?:/)
  })
})

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/', 'http://example.com/a?b=c', 'mailto:ada@example.com'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'data:text/html,hi',
    'not a url',
    '',
    'ms-msdt:/id foo',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

function fakeContents() {
  const listeners = new Map<string, AnyFn[]>()
  let windowOpenHandler: AnyFn | undefined
  const contents = {
    on: vi.fn((event: string, fn: AnyFn) => {
      listeners.set(event, [...(listeners.get(event) ?? []), fn])
      return contents
    }),
    setWindowOpenHandler: vi.fn((fn: AnyFn) => {
      windowOpenHandler = fn
    }),
  }
  const emit = (name: string, ...args: unknown[]) => {
    const fns = listeners.get(name) ?? []
    expect(fns.length, `listener for ${name}`).toBeGreaterThan(0)
    for (const fn of fns) fn(...args)
  }
  return {
    contents,
    emit,
    openWindow: (details: { url: string }) => windowOpenHandler!(details) as unknown,
    hasWindowOpenHandler: () => !!windowOpenHandler,
  }
}

describe('hardenWebContents', () => {
  function setup() {
    const fake = fakeContents()
    const openExternal = vi.fn()
    hardenWebContents(fake.contents as never, openExternal)
    return { ...fake, openExternal }
  }

  it.each([
    'https://example.com/',
    'file:///app/out/renderer/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5173/',
  ])('prevents will-navigate to %s', (url) => {
    const { emit } = setup()
    const event = { preventDefault: vi.fn() }
    emit('will-navigate', event, url)
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })

  it('sends a navigation to an https link to the browser instead', () => {
    const { emit, openExternal } = setup()
    emit('will-navigate', { preventDefault: vi.fn() }, 'https://example.com/help')
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/help')
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://evil/share', 'garbage'])(
    'never opens %s externally on navigation',
    (url) => {
      const { emit, openExternal } = setup()
      emit('will-navigate', { preventDefault: vi.fn() }, url)
      expect(openExternal).not.toHaveBeenCalled()
    },
  )

  it('prevents attaching a webview', () => {
    const { emit } = setup()
    const event = { preventDefault: vi.fn() }
    emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })

  it('denies every new window, opening only safe links in the browser', () => {
    const { openWindow, openExternal, hasWindowOpenHandler } = setup()
    expect(hasWindowOpenHandler()).toBe(true)
    expect(openWindow({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(openWindow({ url: 'mailto:ada@example.com' })).toEqual({ action: 'deny' })
    expect(openWindow({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openWindow({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(openWindow({ url: 'about:blank' })).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://example.com/'], ['mailto:ada@example.com']])
  })
})

describe('hardenSession', () => {
  function setup() {
    let requestHandler: AnyFn | undefined
    let checkHandler: AnyFn | undefined
    let headersHandler: AnyFn | undefined
    const session = {
      setPermissionRequestHandler: vi.fn((fn: AnyFn) => (requestHandler = fn)),
      setPermissionCheckHandler: vi.fn((fn: AnyFn) => (checkHandler = fn)),
      webRequest: { onHeadersReceived: vi.fn((fn: AnyFn) => (headersHandler = fn)) },
    }
    hardenSession(session as never)
    expect(requestHandler).toBeTypeOf('function')
    expect(checkHandler).toBeTypeOf('function')
    expect(headersHandler).toBeTypeOf('function')
    return { requestHandler: requestHandler!, checkHandler: checkHandler!, headersHandler: headersHandler! }
  }

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'refuses a %s permission request',
    (permission) => {
      const { requestHandler } = setup()
      const callback = vi.fn()
      requestHandler({}, permission, callback, {})
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    },
  )

  it('answers every permission check with false', () => {
    const { checkHandler } = setup()
    expect(checkHandler(null, 'media', 'file://', {})).toBe(false)
    expect(checkHandler({}, 'clipboard-sanitized-write', 'http://localhost:5173', {})).toBe(false)
  })

  it('adds the CSP header to a response and keeps its other headers', () => {
    const { headersHandler } = setup()
    const callback = vi.fn()
    headersHandler(
      { url: 'file:///app/index.html', responseHeaders: { 'Content-Type': ['text/html'], 'X-Other': ['1'] } },
      callback,
    )
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'X-Other': ['1'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })

  it('adds the CSP header when the response has no headers at all', () => {
    const { headersHandler } = setup()
    const callback = vi.fn()
    headersHandler({ url: 'file:///app/index.html' }, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
})

describe('createSenderCheck', () => {
  describe('packaged file url', () => {
    const check = createSenderCheck('file:///app/out/renderer/index.html')

    it.each([
      'file:///app/out/renderer/index.html',
      'file:///app/out/renderer/index.html#/clients',
      'file:///app/out/renderer/index.html#/clients/7',
    ])('accepts %s', (url) => {
      expect(check({ url })).toBe(true)
    })

    it.each([
      'file:///app/out/renderer/other.html',
      'file:///tmp/index.html',
      'file:///app/out/renderer/',
      'file://evil-host/app/out/renderer/index.html',
      'https://evil.example/app/out/renderer/index.html',
      'http://localhost:5173/',
      'about:blank',
      'not a url',
      '',
    ])('refuses %j', (url) => {
      expect(check({ url })).toBe(false)
    })

    it('refuses a null or undefined frame', () => {
      expect(check(null)).toBe(false)
      expect(check(undefined)).toBe(false)
    })
  })

  describe('dev server url', () => {
    const check = createSenderCheck('http://localhost:5173/')

    it.each(['http://localhost:5173/', 'http://localhost:5173/#/clients'])('accepts %s', (url) => {
      expect(check({ url })).toBe(true)
    })

    it.each([
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173/other.html',
      'http://evil.example/',
      'file:///app/out/renderer/index.html',
      '::garbage::',
    ])('refuses %s', (url) => {
      expect(check({ url })).toBe(false)
    })
  })

  it('throws at setup on an invalid renderer url rather than accepting everything', () => {
    expect(() => createSenderCheck('not a url')).toThrow()
  })
})
