/** Deleting messages: the author with im.message.delete, the bot with imbot.v2.Chat.Message.delete; soft, as Bitrix24 keeps them. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestPortal, type TestPortal } from './helpers.ts'

let p: TestPortal
beforeAll(async () => {
  p = await startTestPortal()
})
beforeEach(() => p.portal.reset())
afterAll(() => p.close())

const post = async (text: string, userId = 1): Promise<number> =>
  (await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, (await p.token(userId)).AUTH_ID)).body.result
const read = async (id: number) =>
  ((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: id - 1, LIMIT: 1 })).body.result.messages as { id: number; text: string; params: Record<string, unknown> }[])[0]

describe('im.message.delete', () => {
  // api-reference/chats/messages/im-message-delete.md: MESSAGE_ID; result true; MESSAGE_ID_ERROR, CANT_EDIT_MESSAGE.
  it('deletes the author’s own message in place: marked deleted, text gone, result true', async () => {
    const id = await post('to be taken back')
    const answer = await p.v2('im.message.delete', { MESSAGE_ID: id })
    expect([answer.status, answer.body.result]).toEqual([200, true])
    const after = await read(id)
    expect(after).toMatchObject({ id, params: { IS_DELETED: 'Y' } })
    expect(after?.text).not.toContain('to be taken back')
  })

  it('refuses what the docs refuse', async () => {
    const theirs = await post('not yours', 2)
    const cases: [Record<string, unknown>, number, string][] = [
      [{}, 400, 'MESSAGE_ID_ERROR'],
      [{ MESSAGE_ID: 'x' }, 400, 'MESSAGE_ID_ERROR'],
      [{ MESSAGE_ID: theirs }, 403, 'CANT_EDIT_MESSAGE'],
      [{ MESSAGE_ID: 99_999_999 }, 403, 'CANT_EDIT_MESSAGE'],
    ]
    for (const [params, status, error] of cases) {
      const answer = await p.v2('im.message.delete', params)
      expect([answer.status, answer.body.error]).toEqual([status, error])
    }
    expect((await read(theirs))?.text).toBe('not yours')
  })
})

describe('imbot.v2.Chat.Message.delete', () => {
  // api-reference/chat-bots/chat-bots-v2/imbot.v2/messages/chat-message-delete.md: {result:{result:true}}; ACCESS_DENIED otherwise.
  it('the bot deletes its own message, and only its own', async () => {
    const botId = (await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Bot' } } })).body.result.bot.id as number
    await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId], HIDE_HISTORY: 'N' })
    const sent = (await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId: 'chat1001', fields: { message: 'from the bot' } })).body.result.id as number
    const someone = await post('a person')
    const refused = await p.v2('imbot.v2.Chat.Message.delete', { botId, messageId: someone })
    expect([refused.status, refused.body.error]).toEqual([403, 'ACCESS_DENIED'])
    const answer = await p.v2('imbot.v2.Chat.Message.delete', { botId, messageId: sent })
    expect([answer.status, answer.body.result]).toEqual([200, { result: true }])
    expect((await read(sent))?.params).toMatchObject({ IS_DELETED: 'Y' })
  })
})
