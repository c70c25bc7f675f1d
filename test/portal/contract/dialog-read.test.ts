/**
 * Unread messages: im.dialog.read and the caller's read state on every read method.
 * api-reference/chats/messages/im-dialog-read.md, im-dialog-messages-get.md (`unread`),
 * im-dialog-messages-search.md (`unread`, `viewed`, `viewedByOthers`, `viewedCount`),
 * api-reference/chats/im-dialog-get.md (`counter`, `unread_id`, `last_id`).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { expectTime, startTestPortal, usePortal } from './helpers.ts'

interface Wire {
  id: number
  author_id: number
  unread: boolean
}

const p = usePortal({ resetEachTest: true })
let reader: string
beforeAll(async () => {
  reader = (await p.token(2)).AUTH_ID
})

const newest = async (auth?: string, limit = 50): Promise<Wire[]> =>
  (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: limit }, auth)).body.result.messages.map((m: Wire & { authorId: number }) => ({
    ...m,
    author_id: m.authorId,
  }))

describe('im.dialog.read', () => {
  // im-dialog-read.md: "up to and including the specified message"; Response Handling: dialogId, chatId, lastId, counter.
  it('marks read up to MESSAGE_ID and answers the documented shape with the unread counter left', async () => {
    const page = await newest(reader, 30)
    const unread = page.filter((m) => m.unread)
    expect(unread.length).toBeGreaterThan(2)
    const upTo = unread[unread.length - 3]! // the third oldest unread (newest first)
    const answer = await p.v2('im.dialog.read', { DIALOG_ID: 'chat1001', MESSAGE_ID: upTo.id }, reader)
    expect(answer.status).toBe(200)
    expectTime(answer.body.time)
    const left = (await newest(reader, 30)).filter((m) => m.unread)
    expect(answer.body.result).toEqual({ dialogId: 'chat1001', chatId: 1001, lastId: upTo.id, counter: left.length })
    expect(left.every((m) => m.id > upTo.id)).toBe(true)
    expect(left.length).toBe(unread.length - 3)
  })

  // im-dialog-read.md: MESSAGE_ID "If not provided, the method sets the read flag for all unread messages".
  it('without MESSAGE_ID reads everything; an older id never makes messages unread again', async () => {
    const all = await p.v2('im.dialog.read', { DIALOG_ID: 'chat1001' }, reader)
    const top = (await newest(reader, 1))[0]!
    expect(all.body.result).toEqual({ dialogId: 'chat1001', chatId: 1001, lastId: top.id, counter: 0 })
    const back = await p.v2('im.dialog.read', { DIALOG_ID: 'chat1001', MESSAGE_ID: top.id - 500 }, reader)
    expect(back.body.result.lastId).toBe(top.id)
    expect((await newest(reader)).some((m) => m.unread)).toBe(false)
  })

  // im-dialog-read.md, Error Handling: 400 DIALOG_ID_EMPTY "not provided, was empty, or was in an incorrect format".
  it.each([[{}], [{ DIALOG_ID: '' }], [{ DIALOG_ID: 'chat' }], [{ DIALOG_ID: 'nonsense' }]])('refuses %j with DIALOG_ID_EMPTY', async (params) => {
    const answer = await p.v2('im.dialog.read', params, reader)
    expect([answer.status, answer.body]).toEqual([400, { error: 'DIALOG_ID_EMPTY', error_description: "Dialog ID can't be empty" }])
  })

  // im-dialog-read.md, Returned Data: "Returns `false` if the user does not have access to the chat".
  it('answers false for a chat the user is not in, and changes nothing', async () => {
    const answer = await p.v2('im.dialog.read', { DIALOG_ID: 'chat1004' })
    expect([answer.status, answer.body.result]).toEqual([200, false])
    expect((await p.v2('im.dialog.read', { DIALOG_ID: 'chat999999' })).body.result).toBe(false)
  })

  it('persists: the mark survives a restart of the portal', async () => {
    const first = await startTestPortal()
    const token = (await first.token(2)).AUTH_ID
    await first.v2('im.dialog.read', { DIALOG_ID: 'chat1001' }, token)
    await first.close()
    const again = await startTestPortal({ dataDir: first.dataDir })
    const counter = (await again.v2('im.dialog.get', { DIALOG_ID: 'chat1001' }, (await again.token(2)).AUTH_ID)).body.result.counter
    await again.close()
    expect(counter).toBe(0)
  })
})

describe("the caller's read state on read methods", () => {
  // im-dialog-messages-search.md (unread, viewed, viewedByOthers) and im-dialog-messages-get.md (unread): per caller.
  it('flags what is unread for the caller only, never their own messages', async () => {
    const forAnna = await newest(reader)
    const forUser1 = await newest()
    expect(forUser1.some((m) => m.unread)).toBe(false)
    const unread = forAnna.filter((m) => m.unread)
    expect(unread.length).toBeGreaterThan(0)
    expect(unread.every((m) => m.author_id !== 2)).toBe(true)
    const search = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 5 }, reader)).body.result.messages
    expect(search.every((m: { unread: boolean; viewed: boolean }) => m.viewed === !m.unread)).toBe(true)
    const get = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: unread.at(-1)!.id - 1, LIMIT: 5 }, reader)).body.result.messages
    expect(get[0]).toMatchObject({ id: unread.at(-1)!.id, unread: true })
  })

  // im-dialog-messages-search.md: viewedByOthers "viewed by other participants".
  it('a post is unread for the others until they read it, and viewedByOthers says when one has', async () => {
    const id = (await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'Read me' })).body.result
    const mine = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 1 })).body.result.messages[0]
    expect(mine).toMatchObject({ id, unread: false, viewed: true, viewedByOthers: false, viewedCount: 0 })
    expect((await newest(reader, 1))[0]).toMatchObject({ id, unread: true })
    await p.v2('im.dialog.read', { DIALOG_ID: 'chat1001', MESSAGE_ID: id }, reader)
    const seen = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 1 })).body.result.messages[0]
    expect(seen).toMatchObject({ viewedByOthers: true, viewedCount: 1 })
  })

  // Docs silent on whether posting reads the chat for its author: off by default (the stricter reading), Conditions.readOnPost turns it on.
  it('posting leaves what others wrote unread, unless Conditions.readOnPost', async () => {
    const before = (await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' }, reader)).body.result.counter
    await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'Catching up' }, reader)
    expect((await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' }, reader)).body.result.counter).toBe(before)
    p.portal.setConditions({ readOnPost: true })
    await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'All read now' }, reader)
    expect((await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' }, reader)).body.result.counter).toBe(0)
  })

  // im-dialog-get.md: counter "Unread message counter", unread_id "first unread message", last_id "the last read message".
  it('im.dialog.get tells the counter, the first unread and the last read message', async () => {
    const page = await newest(reader)
    const unread = page.filter((m) => m.unread)
    const dialog = (await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' }, reader)).body.result
    const firstUnread = unread.at(-1)!
    const lastRead = page.filter((m) => m.id < firstUnread.id)[0]!
    expect([dialog.counter, dialog.unread_id, dialog.last_id]).toEqual([unread.length, firstUnread.id, lastRead.id])
    const mine = (await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' })).body.result
    expect([mine.counter, mine.unread_id, mine.last_id]).toEqual([0, 0, page[0]!.id])
  })
})
