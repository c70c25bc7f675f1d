/**
 * im.v2.File.upload up to its limit. api-reference/chat-bots/chat-bots-v2/im.v2/files/file-upload.md:
 * `fields.content` "Maximum size — 100 MB", above it 400 FILE_TOO_LARGE ("File size exceeds 100 MB").
 * The server (im/lib/V2/Service/FileService.php) measures the Base64 text before decoding it and answers
 * FILE_TOO_LARGE "File size exceeds maximum allowed"; its 100 MB is 100 * 1024 * 1024, the portal's the
 * stricter 100,000,000 bytes (Conditions.fileUploadMaxBytes). Files of 4 MB and more were answered 500
 * here (#24): a regular expression over the Base64 text overflowed the stack.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestPortal, type TestPortal } from './helpers.ts'

// Megabytes go through real HTTP: each test gets time for a machine loaded with other test runs.
let p: TestPortal
beforeAll(async () => {
  p = await startTestPortal({ conditions: { fileLoginGate: false } })
})
beforeEach(() => p.portal.reset())
afterAll(() => p.close())

const upload = (name: string, content: string) => p.v2('im.v2.File.upload', { dialogId: 'chat1001', fields: { name, content } })

/** Bytes that are not all alike, so a file cut or shifted anywhere would not compare equal. */
function bytesOf(size: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i += 4096) bytes.writeUInt32LE((i * 2654435761) >>> 0, Math.min(i, size - 4))
  return bytes
}

describe('im.v2.File.upload sizes', () => {
  it('takes files of 4 MB and 20 MB whole, in strict and lenient Base64 alike', async () => {
    for (const [size, reading] of [
      [4 * 1024 * 1024, 'strict'],
      [20 * 1024 * 1024, 'strict'],
      [4 * 1024 * 1024 + 1, 'lenient'],
    ] as const) {
      p.portal.setConditions({ fileUploadBase64: reading })
      const bytes = bytesOf(size)
      const answer = await upload(`big-${size}.bin`, bytes.toString('base64'))
      expect([answer.status, answer.body.error], `${size} ${reading}`).toEqual([200, undefined])
      expect(answer.body.result.file.size).toBe(size)
      const served = Buffer.from(await (await fetch(answer.body.result.file.urlDownload)).arrayBuffer())
      expect(served.equals(bytes), `${size} bytes served back`).toBe(true)
    }
  }, 60_000)

  it('takes a file of exactly 100,000,000 bytes and refuses one byte more with FILE_TOO_LARGE, posting nothing', async () => {
    const newest = async () => (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages[0].id as number
    const limit = p.portal.conditions.fileUploadMaxBytes
    expect(limit).toBe(100_000_000)
    const at = await upload('at-limit.bin', Buffer.alloc(limit, 1).toString('base64'))
    expect([at.status, at.body.result?.file.size]).toEqual([200, limit])
    const before = await newest()
    const over = await upload('over-limit.bin', Buffer.alloc(limit + 1, 1).toString('base64'))
    expect([over.status, over.body]).toEqual([400, { error: 'FILE_TOO_LARGE', error_description: 'File size exceeds maximum allowed' }])
    expect(await newest()).toBe(before)
  }, 120_000)

  it('measures the text before reading it, as the server does: too long a text is FILE_TOO_LARGE even when it is not Base64', async () => {
    p.portal.setConditions({ fileUploadMaxBytes: 30 })
    // 30 bytes are 40 characters of Base64: 41 are too many whatever they hold.
    expect((await upload('a.bin', '!'.repeat(40))).body.error).toBe('FILE_INVALID_CONTENT')
    expect((await upload('a.bin', '!'.repeat(41))).body.error).toBe('FILE_TOO_LARGE')
  })

  it('refuses what is not Base64 at any length without a 500', async () => {
    const valid = Buffer.alloc(6 * 1024 * 1024, 2).toString('base64')
    for (const content of [`${valid}!`, `${valid.slice(0, -2)}=A`, `${valid}A`, `=${valid.slice(1)}`]) {
      const answer = await upload('bad.bin', content)
      expect([answer.status, answer.body.error]).toEqual([400, 'FILE_INVALID_CONTENT'])
    }
  }, 60_000)
})
