/** Editing and liking messages over REST, and what history reads show afterwards. */
import { describe, expect, it } from 'vitest'
import type { LocalPortal } from '../portal.ts'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

interface Wire {
  id: number
  author_id: number
  text: string
  params: Record<string, unknown> | unknown[]
}
const as = async (userId: number, method: string, params: Record<string, unknown>) => p.v2(method, params, (await p.token(userId)).AUTH_ID)
const post = async (text: string, userId = 1): Promise<number> => (await as(userId, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text })).body.result
const read = async (id: number): Promise<Wire> =>
  (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, ORDER: { ID: 'ASC' }, LAST_ID: id - 1, LIMIT: 1 })).body.result.messages[0]
const found = async (id: number): Promise<Wire> =>
  (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LAST_ID: id + 1, LIMIT: 1 })).body.result.messages[0]
const refusal = (status: number, error: string, description: string) => ({ status, body: { error, error_description: description } })
const answerOf = (a: { status: number; body: unknown }) => ({ status: a.status, body: a.body })
const cantEdit = refusal(403, 'CANT_EDIT_MESSAGE', "Time has expired for modification or you don't have access")
const withoutChanges = refusal(400, 'WITHOUT_CHANGES', 'Action completed without changes')

describe('im.message.update (api-reference/chats/messages/im-message-update.md)', () => {
  it('the author edits: result true, new text and IS_EDITED Y in im.dialog.messages.get and .search', async () => {
    const id = await post('first draft')
    const answer = await p.v2('im.message.update', { MESSAGE_ID: id, MESSAGE: 'second [b]draft[/b]' })
    expect([answer.status, answer.body.result]).toEqual([200, true])
    for (const message of [await read(id), await found(id)]) expect(message).toMatchObject({ id, text: 'second [b]draft[/b]', params: { IS_EDITED: 'Y' } })
    const hits = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, SEARCH_MESSAGE: 'second [b]draft' })).body.result.messages
    expect(hits.map((m: Wire) => m.id)).toEqual([id])
  })

  it('refuses with the page’s codes: MESSAGE_ID_ERROR 400, CANT_EDIT_MESSAGE 403 for others', async () => {
    const theirs = await post('Maria wrote this', 2)
    const system = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: 0, LIMIT: 1 })).body.result.messages[0] as Wire
    const cases: [Record<string, unknown>, unknown][] = [
      [{ MESSAGE: 'x' }, refusal(400, 'MESSAGE_ID_ERROR', "Message ID can't be empty")],
      [{ MESSAGE_ID: 'abc', MESSAGE: 'x' }, refusal(400, 'MESSAGE_ID_ERROR', "Message ID can't be empty")],
      // Who can execute: message author. The chat's owner (user 1) included, and a call that changes nothing too.
      [{ MESSAGE_ID: theirs, MESSAGE: 'not mine' }, cantEdit],
      [{ MESSAGE_ID: theirs }, cantEdit],
      // An empty MESSAGE deletes, and is the author's too (Conditions.emptyUpdateBy: the im source lets the chat's administrator).
      [{ MESSAGE_ID: theirs, MESSAGE: '' }, cantEdit],
      [{ MESSAGE_ID: 99_999_999, MESSAGE: 'x' }, cantEdit],
      [{ MESSAGE_ID: system.id, MESSAGE: 'x' }, cantEdit],
    ]
    for (const [params, expected] of cases) expect(answerOf(await p.v2('im.message.update', params)), JSON.stringify(params)).toEqual(expected)
    expect((await read(theirs)).text).toBe('Maria wrote this')
  })

  it('an empty MESSAGE deletes the message (the page: "If an empty value is provided, the message will be deleted")', async () => {
    const id = await post('regret')
    expect((await p.v2('im.message.update', { MESSAGE_ID: id, MESSAGE: '  ' })).body.result).toBe(true)
    const after = await read(id)
    expect(after.params).toMatchObject({ IS_DELETED: 'Y' })
    expect(after.text).not.toContain('regret')
    // A deleted message can be changed no more (CANT_EDIT_MESSAGE).
    expect(answerOf(await p.v2('im.message.update', { MESSAGE_ID: id, MESSAGE: 'back' }))).toEqual(cantEdit)
  })

  it('emptying someone else’s message is the author’s alone ("Who can execute the method: message author"), unless the switch reads it as a delete', async () => {
    const theirs = await post('Maria’s to keep', 2)
    expect(answerOf(await p.v2('im.message.update', { MESSAGE_ID: theirs, MESSAGE: '' }))).toEqual(cantEdit)
    expect((await read(theirs)).text).toBe('Maria’s to keep')
    // The im source hands an empty update to Delete, whose rights include the chat's administrator (user 1 owns chat 1001).
    p.portal.setConditions({ emptyUpdateBy: 'deleters' })
    expect((await p.v2('im.message.update', { MESSAGE_ID: theirs, MESSAGE: '' })).body.result).toBe(true)
    expect((await read(theirs)).params).toMatchObject({ IS_DELETED: 'Y' })
  })

  it('past the edit window (chats/messages/index.md; three days by default) CANT_EDIT_MESSAGE, unless the switch says otherwise', async () => {
    // Early March: task 1's chat opens with a stretch of notices, so look a little past its start.
    const page = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: 300, LIMIT: 50 })).body.result.messages as Wire[]
    const old = page.find((m) => m.author_id === 1 && !('IS_DELETED' in m.params))
    if (!old) throw new Error('the seed has no early message by user 1')
    expect(answerOf(await p.v2('im.message.update', { MESSAGE_ID: old.id, MESSAGE: 'late fix' }))).toEqual(cantEdit)
    p.portal.setConditions({ messageEditWindowS: 0 })
    expect((await p.v2('im.message.update', { MESSAGE_ID: old.id, MESSAGE: 'late fix' })).body.result).toBe(true)
  })

  /**
   * chats/messages/index.md: "editing and deleting a message are limited in time" (a setting); the im
   * source (CIMMessenger::CheckPossibilityUpdateMessage, im/classes/general/im_messenger.php) holds
   * edits to 259,200 s and deletes to nothing, and never lets a forward be edited.
   */
  it('deletes are held to the window too (the page), or not (Conditions.messageDeleteWindow: none, the source)', async () => {
    const page = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: 300, LIMIT: 50 })).body.result.messages as Wire[]
    const old = page.filter((m) => m.author_id === 1 && !('IS_DELETED' in m.params)).sort((a, b) => a.id - b.id)[0]
    if (!old) throw new Error('the seed has no early message by user 1')
    expect(answerOf(await p.v2('im.message.delete', { MESSAGE_ID: old.id }))).toEqual(cantEdit)
    p.portal.setConditions({ messageDeleteWindow: 'none' })
    expect(answerOf(await p.v2('im.message.update', { MESSAGE_ID: old.id, MESSAGE: 'late fix' }))).toEqual(cantEdit)
    expect((await p.v2('im.message.delete', { MESSAGE_ID: old.id })).body.result).toBe(true)
  })

  it('a forward is never edited, but its author may delete it', async () => {
    const id = await post('passed on')
    ;(p.portal as unknown as LocalPortal).store.getMessage(id)!.params['FORWARD_ID'] = 5
    expect(answerOf(await p.v2('im.message.update', { MESSAGE_ID: id, MESSAGE: 'changed' }))).toEqual(cantEdit)
    expect((await p.v2('im.message.delete', { MESSAGE_ID: id })).body.result).toBe(true)
  })

  it('ATTACH, KEYBOARD, MENU: N removes, IS_EDITED applies with ATTACH, the listed structure and size errors', async () => {
    const id = await post('plain')
    expect((await p.v2('im.message.update', { MESSAGE_ID: id, ATTACH: 'N', IS_EDITED: 'N' })).body.result).toBe(true)
    expect((await read(id)).params).toEqual([])
    expect((await p.v2('im.message.update', { MESSAGE_ID: id, ATTACH: 'N' })).body.result).toBe(true)
    expect((await read(id)).params).toEqual({ IS_EDITED: 'Y' })
    const big = [{ MESSAGE: 'x'.repeat(60_001) }]
    const cases: [Record<string, unknown>, unknown][] = [
      [{ ATTACH: 'not json' }, refusal(400, 'ATTACH_ERROR', 'Incorrect attach params')],
      [{ ATTACH: big }, refusal(400, 'ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach')],
      [{ KEYBOARD: 42 }, refusal(400, 'KEYBOARD_ERROR', 'Incorrect keyboard params')],
      [{ MENU: 'x' }, refusal(400, 'menu_ERROR', 'Incorrect menu params')],
    ]
    for (const [params, expected] of cases) expect(answerOf(await p.v2('im.message.update', { MESSAGE_ID: id, ...params }))).toEqual(expected)
  })
})

describe('im.message.like (api-reference/chats/messages/im-message-like.md)', () => {
  it('plus, minus and auto (the default) change params.LIKE, a list of user ids, in get and search', async () => {
    const id = await post('like me')
    const like = async (userId: number, ACTION?: string) => answerOf(await as(userId, 'im.message.like', { MESSAGE_ID: id, ...(ACTION ? { ACTION } : {}) }))
    const ok = { status: 200, body: expect.objectContaining({ result: true }) }
    expect(await like(2, 'plus')).toEqual(ok)
    expect(await like(2, 'plus')).toEqual(withoutChanges)
    expect(await like(3)).toEqual(ok)
    expect(await like(1, 'PLUS')).toEqual(ok)
    // The v2 reader gives LIKE as strings (ParamArray::toRestFormat), sorted as CIMMessenger::Like stores it.
    expect((await read(id)).params).toEqual({ LIKE: ['1', '2', '3'] })
    expect((await found(id)).params).toEqual({ LIKE: ['1', '2', '3'] })
    // The legacy reader, integers (CIMMessageParam::PrepareValues).
    const legacy = ((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages as Wire[]).find((m) => m.id === id)
    expect(legacy?.params).toEqual({ LIKE: [1, 2, 3] })
    expect(await like(2, 'minus')).toEqual(ok)
    expect(await like(2, 'minus')).toEqual(withoutChanges)
    expect(await like(3, 'auto')).toEqual(ok)
    expect((await read(id)).params).toEqual({ LIKE: ['1'] })
    expect(await like(1, 'minus')).toEqual(ok)
    // Nobody likes it any more: no LIKE key, and PHP's empty params list.
    expect((await read(id)).params).toEqual([])
  })

  it('refusals: MESSAGE_ID_ERROR; WITHOUT_CHANGES where nothing can change; an unknown ACTION per the switch', async () => {
    const id = await post('target')
    const hidden = (await as(2, 'im.dialog.messages.get', { DIALOG_ID: 'chat1003', LIMIT: 1 })).body.result.messages[0] as Wire
    const cases: [Record<string, unknown>, unknown][] = [
      [{}, refusal(400, 'MESSAGE_ID_ERROR', "Message ID can't be empty")],
      [{ MESSAGE_ID: 0, ACTION: 'plus' }, refusal(400, 'MESSAGE_ID_ERROR', "Message ID can't be empty")],
      [{ MESSAGE_ID: 99_999_999 }, withoutChanges],
      // Who can execute the method: chat participant. User 1 is not in chat 1003.
      [{ MESSAGE_ID: hidden.id }, withoutChanges],
      [{ MESSAGE_ID: id, ACTION: 'love' }, refusal(400, 'ACTION_ERROR', 'Incorrect action')],
    ]
    for (const [params, expected] of cases) expect(answerOf(await p.v2('im.message.like', params)), JSON.stringify(params)).toEqual(expected)
    expect((await read(id)).params).toEqual([])
    p.portal.setConditions({ likeUnknownAction: 'auto' })
    expect((await p.v2('im.message.like', { MESSAGE_ID: id, ACTION: 'love' })).body.result).toBe(true)
    expect((await read(id)).params).toEqual({ LIKE: ['1'] })
  })

  it('edits and likes survive a restart (the journal)', async () => {
    const id = await post('kept')
    await p.v2('im.message.update', { MESSAGE_ID: id, MESSAGE: 'kept, edited' })
    await as(4, 'im.message.like', { MESSAGE_ID: id })
    await p.restart()
    expect(await read(id)).toMatchObject({ text: 'kept, edited', params: { IS_EDITED: 'Y', LIKE: ['4'] } })
  })
})
