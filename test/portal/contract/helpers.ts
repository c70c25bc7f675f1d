/**
 * Contract-test helpers: a portal on a free port with a fresh data folder, called with Node's
 * fetch exactly as b24jssdk calls a portal (POST, JSON body with `auth`, bx24_request_id query).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { Conditions, Portal, TokenSet } from '../portal.ts'
import { startPortalServer, type HostHandler } from '../server.ts'

export interface Answer {
  status: number
  headers: Headers
  // Tests inspect wire JSON freely; the shapes are asserted, not assumed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export interface TestPortal {
  portal: Portal
  origin: string
  dataDir: string
  close(): Promise<void>
  token(userId?: number): Promise<TokenSet>
  v2(method: string, params?: Record<string, unknown>, auth?: string): Promise<Answer>
  v3(method: string, params?: unknown, opts?: { auth?: string; headers?: Record<string, string> }): Promise<Answer>
  raw(path: string, init?: RequestInit): Promise<Answer>
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'portal-contract-'))
}

let requestNo = 0

export interface TestPortalOptions {
  dataDir?: string
  conditions?: Partial<Conditions>
  hostHandler?: HostHandler
}

export async function startTestPortal(opts: TestPortalOptions = {}): Promise<TestPortal> {
  const dataDir = opts.dataDir ?? freshDataDir()
  // Most suites make many calls with one token; the rate-limit suite turns the limiter back on.
  const server = await startPortalServer({ port: 0, dataDir, conditions: { rateLimit: false, ...opts.conditions }, hostHandler: opts.hostHandler })
  let defaultAuth: string | undefined
  const raw = async (path: string, init?: RequestInit): Promise<Answer> => {
    const response = await fetch(server.origin + path, init)
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body }
  }
  const token = async (userId = 1): Promise<TokenSet> => {
    const answer = await raw('/__portal/token', { method: 'POST', body: JSON.stringify({ userId }) })
    return answer.body as TokenSet
  }
  const auth = async (given?: string): Promise<string> => given ?? (defaultAuth ??= (await token(1)).AUTH_ID)
  const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
    raw(`${path}${path.includes('?') ? '&' : '?'}bx24_request_id=req-${++requestNo}&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/plain, */*', ...headers },
      body: JSON.stringify(body),
    })
  return {
    portal: server.portal,
    origin: server.origin,
    dataDir,
    close: server.close,
    token,
    raw,
    v2: async (method, params = {}, given) => post(`/rest/${method}`, { ...params, auth: await auth(given) }),
    v3: async (method, params = {}, o = {}) => {
      const body = Array.isArray(params) ? params : { ...(params as Record<string, unknown>), auth: await auth(o.auth) }
      const path = Array.isArray(params) ? `/rest/api/${method}?auth=${await auth(o.auth)}` : `/rest/api/${method}`
      return post(path, body, o.headers)
    },
  }
}

/** The portal of a test file (usePortal), which a test may also restart on the same data folder. */
export interface FilePortal extends Omit<TestPortal, 'close'> {
  /** Closes the portal and starts it again on its data folder, with the file's options: what a restart keeps. */
  restart(): Promise<void>
}

/**
 * One portal for the tests of a file (or of the describe block it is called in): started before
 * them, closed after them and, with `resetEachTest`, reset to its seed before each. Call it where
 * the hooks belong; the object it answers reads the portal running now (after a restart, the new one).
 */
export function usePortal(opts: TestPortalOptions & { resetEachTest?: boolean } = {}): FilePortal {
  const { resetEachTest = false, ...options } = opts
  let running: TestPortal | undefined
  const now = (): TestPortal => {
    if (!running) throw new Error('usePortal: the portal is used outside the tests it was started for')
    return running
  }
  beforeAll(async () => {
    running = await startTestPortal(options)
  })
  afterAll(() => running?.close())
  if (resetEachTest) beforeEach(() => now().portal.reset())
  return {
    get portal() {
      return now().portal
    },
    get origin() {
      return now().origin
    },
    get dataDir() {
      return now().dataDir
    },
    token: (userId) => now().token(userId),
    v2: (method, params, auth) => now().v2(method, params, auth),
    v3: (method, params, o) => now().v3(method, params, o),
    raw: (path, init) => now().raw(path, init),
    async restart() {
      const { dataDir } = now()
      await now().close()
      running = await startTestPortal({ ...options, dataDir })
    },
  }
}

export function expectTime(time: unknown): void {
  const t = time as Record<string, unknown>
  for (const key of ['start', 'finish', 'duration', 'processing', 'operating_reset_at', 'operating']) {
    if (typeof t[key] !== 'number') throw new Error(`time.${key} is not a number`)
  }
  for (const key of ['date_start', 'date_finish']) {
    if (typeof t[key] !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(t[key])) throw new Error(`time.${key} is not an ISO date`)
  }
}
