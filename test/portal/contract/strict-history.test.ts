/** Reading history the strict way: tail refusals, plan limits, im.dialog.messages.search, FIRST_ID=0, method faults. */
import { stringify } from 'qs'
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

const tailRow = `im.v2.Chat.Message.tail?${stringify({ chatId: 1001, limit: 50 })}`

describe('im.v2.Chat.Message.tail is undocumented (Conditions.tail)', () => {
  // _includes/system-errors.md (404 ERROR_METHOD_NOT_FOUND, 403 insufficient_scope); 'badRequest' is [INFER]: a D7 parameter refusal.
  it.each([
    ['missing', 404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' }],
    ['scope', 403, { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the webhook token' }],
    ['badRequest', 400, { error: 'INVALID_ARGUMENT', error_description: 'Could not find value for parameter {dialogId}' }],
  ] as const)('%s: a single call and a batch row fail the same way', async (tail, status, body) => {
    p.portal.setConditions({ tail })
    const single = await p.v2('im.v2.Chat.Message.tail', { chatId: 1001, limit: 50 })
    expect([single.status, single.body]).toEqual([status, body])
    const batch = await p.v2('batch', { halt: 0, cmd: { tail: tailRow } })
    expect(batch.status).toBe(200)
    // settings/how-to-call-rest-api/batch.md: an insufficient_scope row carries an empty description.
    expect(batch.body.result.result_error.tail).toEqual(tail === 'scope' ? { ...body, error_description: '' } : body)
  })

  it('legacyIm: true still means missing, whatever tail says', async () => {
    p.portal.setConditions({ legacyIm: true, tail: 'scope' })
    expect((await p.v2('im.v2.Chat.Message.tail', { chatId: 1001 })).body.error).toBe('ERROR_METHOD_NOT_FOUND')
  })
})

/** Days back from now to the date of the 150th oldest message of chat 1005, and the ids the plan then leaves, oldest first. */
async function limitAtPivot(): Promise<{ days: number; visible: number[] }> {
  const oldest: { id: number; date: string }[] = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1005, ORDER: { ID: 'ASC' }, LIMIT: 200 })).body.result
    .messages
  const pivot = oldest[150]
  if (!pivot) throw new Error('chat 1005 is too short')
  const days = Math.floor((Date.now() / 1000 - Date.parse(pivot.date) / 1000) / 86_400)
  const cutoff = Date.now() / 1000 - days * 86_400
  return { days, visible: oldest.filter((m) => Date.parse(m.date) / 1000 >= cutoff).map((m) => m.id) }
}

describe('plan history limit (Conditions.historyLimitDays)', () => {
  // api-reference/chats/messages/im-dialog-messages-search.md: tariffRestrictions.isHistoryLimitExceeded. im-dialog-messages-get.md is silent: no older messages, no flag.
  it('hides older messages from get, tail and search; tail and search flag it, tail stops paging', async () => {
    const { days, visible } = await limitAtPivot()
    const [v0 = 0, v1 = 0, v2 = 0, v3 = 0] = visible
    expect(visible.length).toBeLessThan(200)
    p.portal.setConditions({ historyLimitDays: days })
    const get = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1005', LAST_ID: v3, LIMIT: 50 })).body.result
    expect(get.messages.map((m: { id: number }) => m.id)).toEqual([v2, v1, v0])
    expect(get.tariffRestrictions).toBeUndefined()
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1005', FIRST_ID: 0, LIMIT: 1 })).body.result.messages[0].id).toBe(v0)
    const tail = (await p.v2('im.v2.Chat.Message.tail', { chatId: 1005, filter: { lastId: v3 }, limit: 3 })).body.result
    expect(tail.messages).toHaveLength(3)
    expect([tail.hasNextPage, tail.tariffRestrictions]).toEqual([false, { isHistoryLimitExceeded: true }])
    const newest = (await p.v2('im.v2.Chat.Message.tail', { chatId: 1005, limit: 50 })).body.result
    expect([newest.hasNextPage, newest.tariffRestrictions]).toEqual([true, { isHistoryLimitExceeded: false }])
    const search = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1005, LAST_ID: v1, LIMIT: 10 })).body.result
    expect([search.messages.map((m: { id: number }) => m.id), search.tariffRestrictions]).toEqual([[v0], { isHistoryLimitExceeded: true }])
  })
})

describe('im.dialog.messages.search', () => {
  // api-reference/chats/messages/im-dialog-messages-search.md
  it('answers the documented shape, pages with LAST_ID and ORDER, caps LIMIT at 200', async () => {
    const result = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 200 })).body.result
    expect(Object.keys(result).sort()).toEqual([
      'additionalMessages',
      'copilot',
      'files',
      'messages',
      'reactions',
      'stickers',
      'tariffRestrictions',
      'users',
      'usersShort',
    ])
    expect(result.messages).toHaveLength(200)
    expect(Object.keys(result.messages[0]).sort()).toEqual([
      'authorId',
      'author_id',
      'block',
      'chatId',
      'chat_id',
      'date',
      'forward',
      'id',
      'isSystem',
      'params',
      'text',
      'unread',
      'uuid',
      'viewed',
      'viewedByOthers',
      'viewedCount',
    ])
    expect(result.messages[0].id).toBeGreaterThan(result.messages[1].id)
    const next = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LAST_ID: result.messages[199].id, LIMIT: 5 })).body.result.messages
    expect(next[0].id).toBeLessThan(result.messages[199].id)
    expect((await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 500 })).body.result.messages).toHaveLength(50)
    const asc = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, ORDER: { ID: 'ASC' }, LIMIT: 3 })).body.result.messages
    expect(asc[0].id).toBeLessThan(asc[1].id)
  })

  it('SEARCH_MESSAGE filters when longer than 2 characters; errors as documented', async () => {
    const found = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, SEARCH_MESSAGE: 'BUDGET', LIMIT: 200 })).body.result.messages
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((m: { text: string }) => m.text.toLowerCase().includes('budget'))).toBe(true)
    expect((await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, SEARCH_MESSAGE: 'bu', LIMIT: 10 })).body.result.messages).toHaveLength(10)
    const empty = await p.v2('im.dialog.messages.search', {})
    expect([empty.status, empty.body]).toEqual([400, { error: 'CHAT_ID_EMPTY', error_description: "CHAT_ID can't be empty" }])
    const denied = await p.v2('im.dialog.messages.search', { CHAT_ID: 1003 })
    expect([denied.status, denied.body]).toEqual([403, { error: 'ACCESS_ERROR', error_description: 'You do not have access to this chat' }])
  })
})

describe('im.dialog.messages.get FIRST_ID=0', () => {
  // api-reference/chats/messages/im-dialog-messages-get.md ("larger than FIRST_ID"); im source: a set FIRST_ID, 0 included, wins.
  it('reads the chat from its start, oldest first', async () => {
    const first = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: 0, LIMIT: 5 })).body.result.messages
    // In no set order (Conditions.firstIdOrder): the oldest of them is the chat's first message.
    const ids = first.map((m: { id: number }) => m.id).sort((a: number, b: number) => a - b)
    expect(ids).toHaveLength(5)
    const older = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LAST_ID: ids[0], LIMIT: 5 })).body.result.messages
    expect(older).toEqual([])
  })

  // im-dialog-messages-get.md: "may return more messages than LIMIT if there are unread messages" (the caller's read mark, im-dialog-read.md).
  it('answers more than LIMIT when the caller has unread messages', async () => {
    const newest: { id: number; author_id: number }[] = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50 })).body.result.messages
    // User 1 last read the 8th newest message: the 7 above it are unread, save user 1's own.
    p.portal.setReadMark(1001, 1, newest[7]!.id)
    const page = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 10 })).body.result.messages
    const above = newest.slice(0, 7).reverse()
    // The stretch runs from the first unread on (user 1's own messages are read for them).
    const stretch = 7 - above.findIndex((m) => m.author_id !== 1)
    expect([page.length, page.filter((m: { unread: boolean }) => m.unread).length]).toEqual([10 + stretch, above.filter((m) => m.author_id !== 1).length])
    expect(stretch).toBeGreaterThan(0)
    // More unread than LIMIT: LIMIT read ones before the first unread, and LIMIT from it on; the
    // source reads those with FIRST_ID (no set order) and reverses them, then the older ones newest first.
    p.portal.setReadMark(1001, 1, newest[30]!.id)
    const first = 30 - [...newest.slice(0, 30)].reverse().findIndex((m) => m.author_id !== 1) - 1
    const expected = newest.slice(first - 9, first + 11).map((m) => m.id)
    const ids = async () =>
      ((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 10 })).body.result.messages as { id: number }[]).map((m) => m.id)
    const scrambled = await ids()
    expect([...scrambled].sort((a, b) => b - a)).toEqual(expected)
    expect(scrambled.slice(10)).toEqual(expected.slice(10))
    p.portal.setConditions({ firstIdOrder: 'ascending' })
    expect(await ids()).toEqual(expected)
  })
})

describe('method faults (Conditions.methodFaults)', () => {
  // settings/performance/limits.md: 429 OPERATION_TIME_LIMIT for that method only; 503 QUERY_LIMIT_EXCEEDED.
  it('one method answers the documented error in its envelope, `times` calls long', async () => {
    p.portal.setConditions({
      methodFaults: [
        { method: 'im.dialog.messages.get', error: 'OPERATION_TIME_LIMIT', times: 1 },
        { method: 'tasks.task.get', version: 'v3', error: 'QUERY_LIMIT_EXCEEDED' },
      ],
    })
    const blocked = await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001' })
    expect([blocked.status, blocked.body.error]).toEqual([429, 'OPERATION_TIME_LIMIT'])
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001' })).status).toBe(200)
    expect((await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' })).status).toBe(200)
    const v3 = await p.v3('tasks.task.get', { id: 1 })
    expect([v3.status, v3.body]).toEqual([503, { error: { code: 'QUERY_LIMIT_EXCEEDED', message: 'Too many requests' } }])
    const row = await p.v3('batch', [{ method: 'tasks.task.get', query: { id: 1 } }])
    expect([row.status, row.body.error.code]).toEqual([503, 'QUERY_LIMIT_EXCEEDED'])
  })

  it('mergeConditions keeps the previous list when a fault is malformed', () => {
    const before = p.portal.setConditions({ methodFaults: [{ method: 'x', error: 'INTERNAL_SERVER_ERROR' }] }).methodFaults
    expect(p.portal.setConditions({ methodFaults: [{ method: 'y', error: 'NOPE' }] as never }).methodFaults).toEqual(before)
    expect(p.portal.setConditions({ methodFaults: [{ method: 'y', error: 'insufficient_scope', times: -1 }] }).methodFaults).toEqual(before)
  })
})
