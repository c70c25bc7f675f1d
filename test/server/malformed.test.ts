// Requests that are broken, huge or slow get a 4xx (or a closed connection), and the server goes on
// answering. The fixture's server waits 300 ms for headers and 1 s for a whole request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, sendRaw, serveFixture, type Served } from './fixture'

let served: Served
beforeAll(async () => {
  served = await serveFixture()
})
afterAll(() => served.close())

async function expectServerAlive() {
  const next = await request(served.port, '/index.html')
  expect(next.status).toBe(200)
}

describe('malformed requests', () => {
  it('an invalid percent-escape is a 400, not a crash', async () => {
    expect((await request(served.port, '/%E0%A4%A')).status).toBe(400)
    expect((await request(served.port, '/%zz')).status).toBe(400)
    await expectServerAlive()
  })

  it('a connection goes on after a 400, and a bad request after a good one still gets its 400', async () => {
    const bad = 'GET /%E0%A4%A HTTP/1.1\r\nHost: a\r\n\r\n'
    const good = 'GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n'
    const unparsable = 'GET /\0 HTTP/1.1\r\nHost: a\r\n\r\n'
    // One after the other: a parse error in pipelined requests ends the connection before any answer.
    const response = await sendRaw(served.port, [bad, good, unparsable])
    expect(response.statuses).toEqual([400, 200, 400])
  })

  it('a 10 KB URL is 414; a 20 KB one overflows the parser’s 16 KB head limit: 431', async () => {
    expect((await request(served.port, `/${'a'.repeat(10 * 1024)}`)).status).toBe(414)
    const huge = await request(served.port, `/index.html?${'a'.repeat(20 * 1024)}`)
    expect(huge.status).toBe(431)
    await expectServerAlive()
  })

  it('garbage instead of a request line, and an unparsable Content-Length, are 400', async () => {
    expect((await sendRaw(served.port, 'HELLO THERE\r\n\r\n')).status).toBe(400)
    expect((await sendRaw(served.port, 'POST /index.html HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n')).status).toBe(400)
    await expectServerAlive()
  })

  it('unknown methods are 405 with Allow; POST to a non-page is 405 too', async () => {
    const remove = await request(served.port, '/index.html', { method: 'DELETE' })
    expect(remove.status).toBe(405)
    expect(remove.headers['allow']).toBe('GET, HEAD, POST')
    const postAsset = await request(served.port, '/assets/app-abc123.js', { method: 'POST', body: 'a=1' })
    expect(postAsset.status).toBe(405)
    expect(postAsset.headers['allow']).toBe('GET, HEAD')
  })
})

describe('bodies', () => {
  it('a declared 10 MB POST is refused with 413 before it is read', async () => {
    const head = 'POST /index.html HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10485760\r\n\r\n'
    const response = await sendRaw(served.port, Buffer.concat([Buffer.from(head), Buffer.alloc(64 * 1024, 'a')]))
    expect(response.status).toBe(413)
    expect(response.headers['connection']).toBe('close')
    await expectServerAlive()
  })

  it('a chunked POST growing past 64 KB is refused with 413', async () => {
    const chunk = `10000\r\n${'a'.repeat(0x10000)}\r\n`
    const head = 'POST /index.html HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n'
    const response = await sendRaw(served.port, head + chunk + chunk)
    expect(response.status).toBe(413)
  })

  it('Expect: 100-continue with a too-large body gets 413 and no 100 Continue', async () => {
    const response = await sendRaw(served.port, 'POST /index.html HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 10485760\r\n\r\n')
    expect(response.status).toBe(413)
    expect(response.raw).not.toContain('100 Continue')
  })

  it('Expect: 100-continue with a form gets 100 Continue, then the page', async () => {
    const body = 'AUTH_ID=a&PLACEMENT=TASK_VIEW_TAB'
    const head = `POST /index.html HTTP/1.1\r\nHost: a\r\nConnection: close\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n`
    const response = await sendRaw(served.port, head + body)
    expect(response.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n/)
    expect(response.status).toBe(200)
    expect(response.body.toString()).toContain('<div id="root">')
  })
})

describe('slow clients', () => {
  it('headers that never finish: 408 and the connection closed once the header timeout passes', async () => {
    const response = await sendRaw(served.port, 'GET /index.html HTTP/1.1\r\nHost: a\r\nX-Slow: ', { waitMs: 4000 })
    expect(response.status).toBe(408)
    expect(response.closedAfterMs).toBeLessThan(2000)
    await expectServerAlive()
  })

  it('a body that never finishes: the connection is closed once the request timeout passes', async () => {
    const response = await sendRaw(served.port, 'POST /index.html HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\nAUTH_ID=', { waitMs: 5000 })
    expect(response.status).toBe(408)
    expect(response.closedAfterMs).toBeLessThan(3000)
  })

  it('a connection that sends nothing is closed', async () => {
    const response = await sendRaw(served.port, '', { waitMs: 5000 })
    expect(response.closedAfterMs).toBeLessThan(3000)
  })
})
