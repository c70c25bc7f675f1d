// Nothing outside the served folder is readable, however the path is spelled. 400 for targets no
// browser sends (dot segments, bad or dangerous escapes, backslashes), 404 for well-formed paths that
// name nothing we serve (links out, dotfiles): the client learns nothing either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, SECRET, sendRaw, serveFixture, type Served } from './fixture'

let served: Served
beforeAll(async () => {
  served = await serveFixture()
})
afterAll(() => served.close())

describe('path traversal', () => {
  it.each([
    ['a sibling folder sharing the prefix, slash encoded', '/..%2Fdist-old/secret.txt', 400],
    ['a sibling folder sharing the prefix, lower-case escape', '/..%2fdist-old%2fsecret.txt', 400],
    ['plain dot segments', '/../dist-old/secret.txt', 400],
    ['dot segments deeper in the path', '/assets/../../dist-old/secret.txt', 400],
    ['encoded dot segments', '/%2e%2e/%2e%2e/etc/passwd', 400],
    ['upper-case encoded dot segments', '/%2E%2E/dist-old/secret.txt', 400],
    ['half-encoded dot segments', '/.%2e/dist-old/secret.txt', 400],
    ['backslashes', '/..\\dist-old\\secret.txt', 400],
    ['encoded backslashes', '/..%5Cdist-old%5Csecret.txt', 400],
    ['a NUL byte, encoded', '/index.html%00.js', 400],
    ['absolute-form with dot segments', 'http://app.test/../dist-old/secret.txt', 400],
    ['a target without the leading slash', 'dist-old/secret.txt', 400],
    ['double-encoded dot segments (decoded once: a literal file name)', '/%252e%252e%252fdist-old/secret.txt', 404],
    ['double-encoded slash', '/..%252Fdist-old/secret.txt', 404],
    ['a symlink to a file outside', '/leak.txt', 404],
    ['a symlink to the sibling folder', '/old/secret.txt', 404],
    ['a dotfile', '/.env', 404],
    ['an encoded dotfile', '/%2eenv', 404],
  ])('%s: %s → %i, no secret', async (_name, target, status) => {
    const response = await request(served.port, target)
    expect(response.status).toBe(status)
    expect(response.raw).not.toContain(SECRET)
  })

  it('a raw NUL byte in the request line is refused by the parser with 400', async () => {
    const response = await sendRaw(served.port, 'GET /index.html\0/../../dist-old/secret.txt HTTP/1.1\r\nHost: a\r\n\r\n')
    expect(response.status).toBe(400)
    expect(response.raw).not.toContain(SECRET)
  })

  it('a symlink that stays inside the folder is served', async () => {
    const response = await request(served.port, '/assets/alias.js')
    expect(response.status).toBe(200)
  })

  it('still serves the app after all of these', async () => {
    const response = await request(served.port, '/')
    expect(response.status).toBe(200)
    expect(response.body.toString()).toContain('<div id="root">')
  })
})
