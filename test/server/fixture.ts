// A tiny build beside the things an attacker would like to read, served by the production server,
// and a raw-socket client: fetch and http.request normalise paths, which would hide what is tested.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type ServerOptions } from '../../server/serve.mjs'

export const SECRET = 'SECRET-NOT-FOR-CLIENTS'
export const PAGE = '<!doctype html><html><head><script type="module" src="./assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>\n'
// Text that compresses well, like a real bundle.
export const SCRIPT = Array.from({ length: 200 }, (_, i) => `export function f${i}(x) { return x * ${i} + 1 }\n`).join('')

export interface Served {
  port: number
  dist: string
  close(): Promise<void>
}

/**
 * <base>/dist        index.html, install.html, assets/app-abc123.js, .env, links in and out
 * <base>/dist-old    secret.txt (the sibling a bare `startsWith(root)` check would let through)
 * <base>/outside.txt
 */
export async function serveFixture(options: Partial<ServerOptions> = {}): Promise<Served> {
  const base = mkdtempSync(join(tmpdir(), 'serve-test-'))
  const dist = join(base, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  mkdirSync(join(base, 'dist-old'))
  writeFileSync(join(dist, 'index.html'), PAGE)
  writeFileSync(join(dist, 'install.html'), PAGE.replace('root', 'install'))
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), SCRIPT)
  writeFileSync(join(dist, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  writeFileSync(join(dist, '.env'), SECRET)
  writeFileSync(join(base, 'dist-old', 'secret.txt'), SECRET)
  writeFileSync(join(base, 'outside.txt'), SECRET)
  symlinkSync(join(base, 'outside.txt'), join(dist, 'leak.txt'))
  symlinkSync(join(base, 'dist-old'), join(dist, 'old'))
  symlinkSync('app-abc123.js', join(dist, 'assets', 'alias.js')) // a link that stays inside is fine
  const server = await startServer({ dir: dist, port: 0, host: '127.0.0.1', timeouts: { headersMs: 300, requestMs: 1000 }, ...options })
  return {
    port: Number(new URL(server.url).port),
    dist,
    close: async () => {
      await server.close()
      rmSync(base, { recursive: true, force: true })
    },
  }
}

interface RawResponse {
  /** 0 when the server closed without answering. */
  status: number
  headers: Record<string, string>
  body: Buffer
  /** The status of every response on the connection, interim ones (100 Continue) included. */
  statuses: number[]
  /** Everything received. */
  raw: string
  /** Milliseconds until the server closed the connection. */
  closedAfterMs: number
}

/**
 * Sends `request` as bytes (an array: one part every 100 ms), writes nothing more, and reads until the
 * server closes the connection (or `waitMs` passes, then `status` is what had arrived). A partial
 * request is a slow client.
 */
export function sendRaw(port: number, request: string | Buffer | (string | Buffer)[], { waitMs = 5000 } = {}): Promise<RawResponse> {
  const parts = Array.isArray(request) ? request : [request]
  return new Promise((done) => {
    const started = Date.now()
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1', () => {
      parts.forEach((part, i) => setTimeout(() => socket.writable && socket.write(part), i * 100))
    })
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', () => undefined) // a reset after the answer still leaves the answer in `chunks`
    const timer = setTimeout(() => socket.destroy(), waitMs)
    socket.on('close', () => {
      clearTimeout(timer)
      done(parseResponse(Buffer.concat(chunks), Date.now() - started))
    })
  })
}

/** A well-formed request with the given target, method and headers; the connection closes after it. */
export function request(
  port: number,
  target: string,
  { method = 'GET', headers = {}, body = '' }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: app.test', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)]
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return sendRaw(port, `${lines.join('\r\n')}\r\n\r\n${body}`)
}

function parseResponse(bytes: Buffer, closedAfterMs: number): RawResponse {
  const raw = bytes.toString('latin1')
  // Skip interim 1xx answers (100 Continue): the first final head is the response.
  const heads = [...raw.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n((?:[^\r]+\r\n)*)\r\n/g)]
  const final = heads.find((m) => !m[1]!.startsWith('1'))
  const statuses = heads.map((m) => Number(m[1]))
  if (!final) return { status: 0, statuses, headers: {}, body: Buffer.alloc(0), raw, closedAfterMs }
  const headers: Record<string, string> = {}
  for (const line of final[2]!.split('\r\n').filter(Boolean)) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const body = bytes.subarray(final.index + final[0].length)
  return { status: Number(final[1]), statuses, headers, body, raw, closedAfterMs }
}
