import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zipApp } from '../../scripts/package.mjs'
import { startServer } from '../../server/serve.mjs'

// The production bundle, built for real into a temporary folder.
let dist: string
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'task-chat-dist-'))
  await build({ logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } })
}, 60_000)
afterAll(() => rmSync(dist, { recursive: true, force: true }))

describe('the static-app ZIP', () => {
  it('holds the handler, the install wizard and the menu page at its root, with every asset they load', async () => {
    const files = unzipSync(await zipApp(dist))
    const names = Object.keys(files)
    expect(names).toEqual(expect.arrayContaining(['index.html', 'install.html', 'context-menu.html']))
    for (const page of ['index.html', 'install.html', 'context-menu.html']) {
      const html = strFromU8(files[page]!)
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
      expect(refs.length, page).toBeGreaterThan(0)
      for (const ref of refs) {
        // Relative paths: the portal serves a static app from its own sub-folder.
        expect(ref, page).toMatch(/^\.\//)
        expect(names, `${page} loads ${ref}`).toContain(ref.slice(2))
      }
    }
  })
})

describe('the task card page', () => {
  it('starts the Intl warm-up before its own script, as an async module that imports nothing, with its worker shipped', async () => {
    const files = unzipSync(await zipApp(dist))
    const html = strFromU8(files['index.html']!)
    const scripts = [...html.matchAll(/<script([^>]*)src="\.\/([^"]+)"/g)].map((m) => ({ attrs: m[1]!, src: m[2]! }))
    expect(scripts.map((s) => s.src)).toEqual([expect.stringMatching(/^assets\/warm-intl-[\w-]+\.js$/), expect.stringMatching(/^assets\/main-[\w-]+\.js$/)])
    expect(scripts[0]!.attrs).toMatch(/\basync\b/)
    const warm = strFromU8(files[scripts[0]!.src]!)
    // Nothing to wait for: it runs as soon as it has come, while the libraries still load.
    expect(warm).not.toMatch(/\bimport\s*[{"'*]/)
    const worker = warm.match(/warm-intl\.worker-[\w-]+\.js/)?.[0]
    expect(worker).toBeDefined()
    expect(Object.keys(files)).toContain(`assets/${worker}`)
  })
})

describe('npm run serve', () => {
  it('answers the portal’s POST to the handler with the page, frameable', async () => {
    const server = await startServer({ dir: dist, port: 0, host: '127.0.0.1', frameAncestors: 'https://*.bitrix24.com' })
    try {
      const post = await fetch(`${server.url}index.html?DOMAIN=acme.bitrix24.com&PROTOCOL=1&LANG=en&APP_SID=x`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'AUTH_ID=a&REFRESH_ID=b&PLACEMENT=TASK_VIEW_TAB&PLACEMENT_OPTIONS=%7B%22taskId%22%3A%221%22%7D',
      })
      expect(post.status).toBe(200)
      expect(await post.text()).toContain('<div id="root"></div>')
      expect(post.headers.get('x-frame-options')).toBeNull()
      expect(post.headers.get('content-security-policy')).toMatch(/; frame-ancestors https:\/\/\*\.bitrix24\.com$/)
      const get = await fetch(`${server.url}install.html`)
      expect(get.status).toBe(200)
      expect((await fetch(`${server.url}missing.html`)).status).toBe(404)
      expect((await fetch(`${server.url}index.html`, { method: 'DELETE' })).status).toBe(405)
    } finally {
      await server.close()
    }
  })
})
