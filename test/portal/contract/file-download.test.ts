/**
 * Files behind the portal's login, and the link that works without it.
 *
 * - The file pages (urlPreview, urlShow, urlDownload) are disk's actions with `new Authentication(true)`
 *   (disk/lib/controller/file.php configureActions: download, showImage, showPreview): a browser that is
 *   not logged in is sent to the login page, `302 Location: /auth/?backurl=<the page>`
 *   (main/lib/engine/actionfilter/authentication.php, LocalRedirect). The portal's pages log the
 *   browser in (its PHPSESSID cookie). Conditions.fileLoginGate: false turns the gate off.
 * - im.v2.File.download (api-reference/chat-bots/chat-bots-v2/im.v2/files/file-download.md): scope im,
 *   `dialogId` + `fileId`, answer `{downloadUrl}`, errors FILE_NOT_FOUND (400) and ACCESS_DENIED (403).
 *   The link is the REST `download` method with a signed token (im/lib/V2/Service/FileService.php
 *   resolveDownloadUrl → rest/classes/general/rest_util.php getSpecialUrl), answered without any cookie.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { solidPng } from '../assets.ts'
import { createHostHandler } from '../host/host-handler.ts'
import type { HostHandler } from '../server.ts'
import { expectTime, usePortal } from './helpers.ts'

const host: { handler?: HostHandler } = {}
const p = usePortal({ hostHandler: (req, url) => host.handler?.(req, url) ?? null, resetEachTest: true })
beforeAll(() => {
  host.handler = createHostHandler(p.portal, 'http://localhost:1/')
})

interface Uploaded {
  id: number
  urlPreview: string
  urlShow: string
  urlDownload: string
}

async function uploadImage(dialogId = 'chat1001', userId = 1): Promise<Uploaded> {
  const auth = (await p.token(userId)).AUTH_ID
  const content = solidPng(8, 6, 3).toString('base64')
  const answer = await p.v2('im.v2.File.upload', { dialogId, fields: { name: 'red.png', content } }, auth)
  expect(answer.status).toBe(200)
  return answer.body.result.file as Uploaded
}

/** What the browser would get, redirects not followed. */
const get = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })

/** Opens the task card as `userId` and keeps the cookie it sets, as a browser on the portal's own site does. */
async function logIn(userId = 1): Promise<string> {
  const card = await fetch(`${p.origin}/task/1?user=${userId}`)
  expect(card.status).toBe(200)
  const setCookie = card.headers.get('set-cookie') ?? ''
  expect(setCookie).toMatch(/^PHPSESSID=[0-9a-f]+; Path=\/; HttpOnly$/)
  return setCookie.split(';')[0]!
}

describe('file pages need the portal login', () => {
  it('sends a browser without the login cookie to the login page, for the preview, the page and the download', async () => {
    const file = await uploadImage()
    for (const url of [file.urlPreview, file.urlShow, file.urlDownload]) {
      const answer = await get(url)
      expect(answer.status).toBe(302)
      const path = new URL(url).pathname + new URL(url).search
      expect(answer.headers.get('location')).toBe(`/auth/?backurl=${encodeURIComponent(path)}`)
      expect(await answer.text()).toBe('')
    }
    // Where the redirect leads: an HTML login form, not the image.
    const login = await get(`${p.origin}/auth/?backurl=%2F`)
    expect([login.status, login.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    expect(await login.text()).toContain('USER_PASSWORD')
  })

  it('serves the file to a browser logged in by the portal page', async () => {
    const file = await uploadImage()
    const cookie = await logIn(1)
    const answer = await get(file.urlShow, cookie)
    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'image/png'])
    expect(
      Buffer.from(await answer.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    // A made-up session is no login.
    expect((await get(file.urlShow, 'PHPSESSID=0123456789abcdef')).status).toBe(302)
  })

  it('answers anyone with the gate switched off', async () => {
    const file = await uploadImage()
    p.portal.setConditions({ fileLoginGate: false })
    expect((await get(file.urlShow)).status).toBe(200)
    p.portal.setConditions({ fileLoginGate: true })
  })
})

describe('im.v2.File.download', () => {
  it('answers {downloadUrl}: a link that serves the file without a cookie, as an attachment', async () => {
    const file = await uploadImage()
    const answer = await p.v2('im.v2.File.download', { dialogId: 'chat1001', fileId: file.id })
    expect(answer.status).toBe(200)
    expectTime(answer.body.time)
    expect(Object.keys(answer.body.result)).toEqual(['downloadUrl'])
    const url = new URL(answer.body.result.downloadUrl as string)
    // The docs' example: /rest/download.json?token=im%7CaW...
    expect(`${url.origin}${url.pathname}`).toBe(`${p.origin}/rest/download.json`)
    expect(answer.body.result.downloadUrl).toMatch(/\?token=im%7C[A-Za-z0-9+/=%]+%7C[0-9a-f]+$/)
    const bytes = await get(url.href)
    expect(bytes.status).toBe(200)
    expect(bytes.headers.get('content-type')).toBe('image/png')
    expect(bytes.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''red\.png$/)
    // Reusable while the caller's token lives (the source puts that token in the link).
    expect((await get(url.href)).status).toBe(200)
  })

  it('refuses a link whose token was changed: 403 ACCESS_DENIED "Link check failed"', async () => {
    const file = await uploadImage()
    const { downloadUrl } = (await p.v2('im.v2.File.download', { dialogId: 'chat1001', fileId: file.id })).body.result
    const forged = await get(String(downloadUrl).replace(/%7C([0-9a-f])/, (_all, c: string) => `%7C${c === '0' ? '1' : '0'}`))
    expect(forged.status).toBe(403)
    expect(await forged.json()).toEqual({ error: 'ACCESS_DENIED', error_description: 'Access denied! Link check failed' })
  })

  it('answers FILE_NOT_FOUND (400) for an unknown file or one of another chat', async () => {
    const elsewhere = await uploadImage('chat1005', 1)
    for (const fileId of [999_999, elsewhere.id]) {
      const answer = await p.v2('im.v2.File.download', { dialogId: 'chat1001', fileId })
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ error: 'FILE_NOT_FOUND', error_description: 'File not found' })
    }
  })

  it('answers ACCESS_DENIED (403) for a chat the caller is not in, whether the file exists or not', async () => {
    const secret = await uploadImage('chat1003', 2)
    for (const fileId of [secret.id, 999_999]) {
      const answer = await p.v2('im.v2.File.download', { dialogId: 'chat1003', fileId })
      expect(answer.status).toBe(403)
      expect(answer.body).toEqual({ error: 'ACCESS_DENIED', error_description: 'Access denied' })
    }
    expect((await p.v2('im.v2.File.download', { fileId: secret.id })).status).toBe(403)
  })

  it('needs the im scope', async () => {
    const file = await uploadImage()
    p.portal.setConditions({ scopes: ['task', 'tasks', 'placement'] })
    const answer = await p.v2('im.v2.File.download', { dialogId: 'chat1001', fileId: file.id })
    expect([answer.status, answer.body.error]).toEqual([403, 'insufficient_scope'])
  })
})
