/** Deleting messages: the author or the chat's administrator with im.message.delete, the bot with imbot.v2.Chat.Message.delete; soft, as Bitrix24 keeps them. */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

const post = async (text: string, userId = 1): Promise<number> =>
  (await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, (await p.token(userId)).AUTH_ID)).body.result
const read = async (id: number) =>
  (
    (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, ORDER: { ID: 'ASC' }, LAST_ID: id - 1, LIMIT: 1 })).body.result.messages as {
      id: number
      text: string
      params: Record<string, unknown>
    }[]
  )[0]

describe('im.message.delete', () => {
  // api-reference/chats/messages/im-message-delete.md: MESSAGE_ID; result true; MESSAGE_ID_ERROR (400), CANT_EDIT_MESSAGE (403);
  // "Who can execute the method: the author of the message or an administrator in a group chat".
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
    const mine = await post('mine, then gone')
    expect((await p.v2('im.message.delete', { MESSAGE_ID: mine })).body.result).toBe(true)
    const system = ((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: 0, LIMIT: 1 })).body.result.messages as { id: number }[])[0]
    // User 3 is neither the author nor the chat's administrator; user 1 owns chat 1001.
    const cases: [Record<string, unknown>, number, string, number?][] = [
      [{}, 400, 'MESSAGE_ID_ERROR'],
      [{ MESSAGE_ID: 'x' }, 400, 'MESSAGE_ID_ERROR'],
      [{ MESSAGE_ID: theirs }, 403, 'CANT_EDIT_MESSAGE', 3],
      [{ MESSAGE_ID: 99_999_999 }, 403, 'CANT_EDIT_MESSAGE'],
      // Already deleted, and a system message: nothing of the author's left to delete (im source CheckPossibilityUpdateMessage).
      [{ MESSAGE_ID: mine }, 403, 'CANT_EDIT_MESSAGE'],
      [{ MESSAGE_ID: system?.id }, 403, 'CANT_EDIT_MESSAGE'],
    ]
    for (const [params, status, error, userId = 1] of cases) {
      const answer = await p.v2('im.message.delete', params, (await p.token(userId)).AUTH_ID)
      expect([answer.status, answer.body.error], JSON.stringify(params)).toEqual([status, error])
    }
    expect((await read(theirs))?.text).toBe('not yours')
  })

  it('the chat’s administrator (its owner, im.dialog.get `owner`) deletes someone else’s message', async () => {
    const theirs = await post('off topic', 2)
    expect((await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' })).body.result.owner).toBe(1)
    expect((await p.v2('im.message.delete', { MESSAGE_ID: theirs })).body.result).toBe(true)
    expect((await read(theirs))?.params).toMatchObject({ IS_DELETED: 'Y' })
  })
})

describe('imbot.v2.Chat.Message.delete', () => {
  // api-reference/chat-bots/chat-bots-v2/imbot.v2/messages/chat-message-delete.md: {result:{result:true}}; ACCESS_DENIED otherwise.
  it('the bot deletes its own message, and only its own', async () => {
    const botId = (await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Bot' } } })).body.result.bot.id as number
    // A portal whose task chat keeps the bot once added (Conditions.taskChatKeepsAnyone), so the bot can post there.
    p.portal.setConditions({ taskChatKeepsAnyone: true })
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
