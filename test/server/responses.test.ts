// What a browser and the portal get from the server: the pages with their policy, assets cached for
// good, HEAD and conditional requests, and the compressed bodies they accept.
import { readFileSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/serve.mjs'
import { PAGE, request, SCRIPT, serveFixture, type Served } from './fixture'

let served: Served
beforeAll(async () => {
  served = await serveFixture({ frameAncestors: 'https://*.bitrix24.com' })
})
afterAll(() => served.close())

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; connect-src 'self' https: http:; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors https://*.bitrix24.com"

describe('pages', () => {
  it('GET / is index.html: frameable by the portal only, never cached without revalidation', async () => {
    const response = await request(served.port, '/')
    expect(response.status).toBe(200)
    expect(response.body.toString()).toBe(PAGE)
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': POLICY,
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
    })
    expect(response.headers['x-frame-options']).toBeUndefined()
  })

  it('the portal’s form POST to the handler gets the page', async () => {
    const form = 'AUTH_ID=a&AUTH_EXPIRES=3600&REFRESH_ID=b&member_id=m&status=L&PLACEMENT=TASK_VIEW_TAB&PLACEMENT_OPTIONS=%7B%22taskId%22%3A%221%22%7D'
    const response = await request(served.port, '/index.html?DOMAIN=acme.bitrix24.com&PROTOCOL=1&LANG=en&APP_SID=x', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'If-None-Match': '*' },
      body: form,
    })
    expect(response.status).toBe(200) // never a 304: the frame needs the page
    expect(response.body.toString()).toBe(PAGE)
    expect(response.headers['content-security-policy']).toBe(POLICY)
  })

  it('a missing file is a 404 nobody caches', async () => {
    const response = await request(served.port, '/assets/missing-123.js')
    expect(response.status).toBe(404)
    expect(response.headers['cache-control']).toBe('no-store')
  })
})

describe('assets', () => {
  it('hashed assets are immutable for a year and carry no page policy', async () => {
    const response = await request(served.port, '/assets/app-abc123.js')
    expect(response.status).toBe(200)
    expect(response.body.toString()).toBe(SCRIPT)
    expect(response.headers).toMatchObject({ 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'text/javascript; charset=utf-8' })
    expect(response.headers['content-security-policy']).toBeUndefined()
  })

  it('HEAD gives the headers of GET and no body', async () => {
    const get = await request(served.port, '/assets/app-abc123.js')
    const head = await request(served.port, '/assets/app-abc123.js', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-length']).toBe(String(SCRIPT.length))
    expect(head.headers['etag']).toBe(get.headers['etag'])
  })

  it('If-None-Match and If-Modified-Since give 304 without a body; a changed file gives 200', async () => {
    const first = await request(served.port, '/index.html')
    const etag = first.headers['etag']!
    expect(etag).toMatch(/^W\/"/)
    const byTag = await request(served.port, '/index.html', { headers: { 'If-None-Match': etag } })
    expect(byTag.status).toBe(304)
    expect(byTag.body.length).toBe(0)
    expect(byTag.headers['etag']).toBe(etag)
    const byDate = await request(served.port, '/index.html', { headers: { 'If-Modified-Since': first.headers['last-modified']! } })
    expect(byDate.status).toBe(304)
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    const otherTag = await request(served.port, '/index.html', {
      headers: { 'If-None-Match': 'W/"other"', 'If-Modified-Since': first.headers['last-modified']! },
    })
    expect(otherTag.status).toBe(200)

    const file = join(served.dist, 'index.html')
    const later = new Date(statSync(file).mtimeMs + 60_000)
    utimesSync(file, later, later) // a redeploy
    const changed = await request(served.port, '/index.html', { headers: { 'If-None-Match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers['etag']).not.toBe(etag)
  })
})

describe('compression', () => {
  it.each([
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip, deflate, br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['br;q=0, gzip;q=0.5', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['br;q=0.5, gzip;q=1', 'gzip', (b: Buffer) => gunzipSync(b)],
  ])('Accept-Encoding: %s → %s, the same bytes once decompressed', async (accept, encoding, decompress) => {
    const response = await request(served.port, '/assets/app-abc123.js', { headers: { 'Accept-Encoding': accept } })
    expect(response.headers['content-encoding']).toBe(encoding)
    expect(response.headers['vary']).toBe('Accept-Encoding')
    expect(Number(response.headers['content-length'])).toBe(response.body.length)
    expect(response.body.length).toBeLessThan(SCRIPT.length / 4)
    expect(decompress(response.body).toString()).toBe(SCRIPT)
  })

  it.each(['identity', 'compress', 'br;q=0, gzip;q=0', ''])('Accept-Encoding: "%s" → the plain file', async (accept) => {
    const response = await request(served.port, '/assets/app-abc123.js', { headers: accept ? { 'Accept-Encoding': accept } : {} })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['vary']).toBe('Accept-Encoding')
    expect(response.body.toString()).toBe(SCRIPT)
  })

  it('images are sent as they are', async () => {
    const response = await request(served.port, '/logo.png', { headers: { 'Accept-Encoding': 'gzip, br' } })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['vary']).toBeUndefined()
    expect(response.body).toEqual(readFileSync(join(served.dist, 'logo.png')))
  })
})

describe('configuration', () => {
  it('portal origins are configurable, and a policy that would inject a directive is refused at start', async () => {
    const custom = await startServer({ dir: served.dist, port: 0, host: '127.0.0.1', portalOrigins: 'https://acme.bitrix24.com' })
    try {
      const response = await request(Number(new URL(custom.url).port), '/')
      expect(response.headers['content-security-policy']).toContain("connect-src 'self' https://acme.bitrix24.com;")
      expect(response.headers['content-security-policy']).toContain('frame-ancestors *')
    } finally {
      await custom.close()
    }
    expect(() => startServer({ dir: served.dist, port: 0, frameAncestors: "* ; script-src 'unsafe-inline'" })).toThrow(/frameAncestors/)
  })
})
