/**
 * im.v2.File.upload, as api-reference/chat-bots/chat-bots-v2/im.v2/files/file-upload.md describes it:
 * `dialogId` + `fields {name, content (Base64), message}`, answer `{file, messageId, chatId, dialogId}`,
 * errors FILE_EMPTY, FILE_INVALID_CONTENT, CHAT_NOT_FOUND, FILE_TOO_LARGE (400) and ACCESS_DENIED (403).
 */
import { describe, expect, it } from 'vitest'
import { solidPng } from '../assets.ts'
import { expectTime, startTestPortal, usePortal } from './helpers.ts'

// The file pages' login gate has its own suite (file-download.test.ts); here what they serve.
const p = usePortal({ conditions: { fileLoginGate: false }, resetEachTest: true })

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64')
const upload = (fields: Record<string, unknown>, dialogId: unknown = 'chat1001') => p.v2('im.v2.File.upload', { dialogId, fields })
const newest = async () =>
  (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result as {
    messages: { id: number; author_id: number; text: string; params: Record<string, unknown> }[]
    files: { id: number; name: string }[]
  }

describe('im.v2.File.upload', () => {
  it('uploads, posts the message with the file in params.FILE_ID and answers the documented shape', async () => {
    const answer = await upload({ name: 'report.txt', content: b64('Hello World!'), message: 'Here is the report' })
    expect(answer.status).toBe(200)
    expectTime(answer.body.time)
    const { file, messageId, chatId, dialogId } = answer.body.result
    expect({ chatId, dialogId }).toEqual({ chatId: 1001, dialogId: 'chat1001' })
    expect(file).toMatchObject({
      chatId: 1001,
      type: 'file',
      name: 'report.txt',
      extension: 'txt',
      size: 12,
      image: false,
      status: 'done',
      progress: 100,
      authorId: 1,
    })
    for (const key of [
      'id',
      'date',
      'authorName',
      'urlPreview',
      'urlShow',
      'urlDownload',
      'viewerAttrs',
      'mediaUrl',
      'isTranscribable',
      'isVideoNote',
      'isVoiceNote',
    ])
      expect(file, key).toHaveProperty(key)
    // The message is in the chat like any file message: the file in params.FILE_ID and in the page's files[].
    const page = await newest()
    expect(page.messages[0]).toMatchObject({ id: messageId, author_id: 1, text: 'Here is the report', params: { FILE_ID: [file.id] } })
    expect(page.files.map((f) => f.name)).toEqual(['report.txt'])
    // The advertised URLs serve the bytes that were sent.
    const shown = await fetch(file.urlShow)
    expect([shown.status, await shown.text()]).toEqual([200, 'Hello World!'])
    const download = await fetch(file.urlDownload)
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/)
  })

  it('an image gets its size (`image: {width, height}`) and type image; without `message` the text is empty', async () => {
    const png = solidPng(40, 30, 7)
    const { file, messageId } = (await upload({ name: 'shot.png', content: png.toString('base64') })).body.result
    expect(file).toMatchObject({ type: 'image', image: { width: 40, height: 30 }, size: png.length })
    expect((await newest()).messages[0]).toMatchObject({ id: messageId, text: '' })
    const served = await fetch(file.urlShow)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
  })

  it('serves what users uploaded inline only for harmless types: anything else downloads, never sniffed', async () => {
    const { file } = (await upload({ name: 'page.html', content: b64('<script>alert(1)</script>') })).body.result
    const served = await fetch(file.urlShow)
    expect(served.headers.get('content-type')).toBe('application/octet-stream')
    expect(served.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('keeps the bytes in the data folder: a restart serves them again', async () => {
    const { file } = (await upload({ name: 'kept.txt', content: b64('still here') })).body.result
    const again = await startTestPortal({ dataDir: p.dataDir, conditions: { fileLoginGate: false } })
    try {
      const served = await fetch(String(file.urlShow).replace(p.origin, again.origin))
      expect(await served.text()).toBe('still here')
    } finally {
      await again.close()
    }
  })

  it('refuses what the page refuses, with its codes and statuses, and posts nothing', async () => {
    const before = (await newest()).messages[0]?.id
    const cases: [unknown, Record<string, unknown>, number, string][] = [
      ['chat1001', { content: b64('x') }, 400, 'FILE_EMPTY'],
      ['chat1001', { name: 'a.txt' }, 400, 'FILE_EMPTY'],
      ['chat1001', { name: 'a.txt', content: '' }, 400, 'FILE_EMPTY'],
      ['chat1001', { name: 'a.txt', content: 'not base64!' }, 400, 'FILE_INVALID_CONTENT'],
      // "Pass only the Base64 string, without the prefix data:*/*;base64,"
      ['chat1001', { name: 'a.txt', content: `data:text/plain;base64,${b64('x')}` }, 400, 'FILE_INVALID_CONTENT'],
      ['chat999999', { name: 'a.txt', content: b64('x') }, 400, 'CHAT_NOT_FOUND'],
      [null, { name: 'a.txt', content: b64('x') }, 400, 'CHAT_NOT_FOUND'],
      ['7', { name: 'a.txt', content: b64('x') }, 403, 'ACCESS_DENIED'],
      // User 1 is not in chat 1003 (the confidential task's).
      ['chat1003', { name: 'a.txt', content: b64('x') }, 403, 'ACCESS_DENIED'],
    ]
    for (const [dialogId, fields, status, error] of cases) {
      const answer = await upload(fields, dialogId)
      expect([answer.status, answer.body.error], JSON.stringify({ dialogId, fields })).toEqual([status, error])
      expect(typeof answer.body.error_description).toBe('string')
    }
    expect((await newest()).messages[0]?.id).toBe(before)
  })

  it('FILE_TOO_LARGE past the limit (100,000,000 bytes, the stricter reading of "100 MB"; a switch lowers it)', async () => {
    expect(p.portal.conditions.fileUploadMaxBytes).toBe(100_000_000)
    p.portal.setConditions({ fileUploadMaxBytes: 10 })
    expect((await upload({ name: 'ten.txt', content: b64('0123456789') })).status).toBe(200)
    const answer = await upload({ name: 'eleven.txt', content: b64('0123456789A') })
    expect([answer.status, answer.body]).toEqual([400, { error: 'FILE_TOO_LARGE', error_description: 'File size exceeds maximum allowed' }])
    // A body too big to hold any file the portal takes is refused the same way, without being kept.
    p.portal.setConditions({ fileUploadMaxBytes: 1 })
    const huge = await upload({ name: 'huge.txt', content: 'A'.repeat(6 * 1024 * 1024) })
    expect([huge.status, huge.body.error]).toEqual([400, 'FILE_TOO_LARGE'])
  })

  it('reads Base64 strictly by default; the lenient switch takes line breaks and missing padding as PHP does', async () => {
    const wrapped = `${b64('Hello, wrapped world')}`.replace(/(.{8})/g, '$1\n').replace(/=+$/, '')
    expect((await upload({ name: 'w.txt', content: wrapped })).body.error).toBe('FILE_INVALID_CONTENT')
    p.portal.setConditions({ fileUploadBase64: 'lenient' })
    const { file } = (await upload({ name: 'w.txt', content: wrapped })).body.result
    expect(await (await fetch(file.urlShow)).text()).toBe('Hello, wrapped world')
  })

  it('needs the im scope', async () => {
    p.portal.setConditions({ scopes: ['task', 'tasks'] })
    const answer = await upload({ name: 'a.txt', content: b64('x') })
    expect([answer.status, answer.body.error]).toEqual([403, 'insufficient_scope'])
  })
})
