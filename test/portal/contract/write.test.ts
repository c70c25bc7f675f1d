/** Writing: messages as the user and as a bot, lazy task chats, installation methods. */
import { describe, expect, it } from 'vitest'
import { seedStore } from '../seed/index.ts'
import { usePortal } from './helpers.ts'

const p = usePortal()

/** A message of chat 1005 (user 1 is a member there), from the seed. */
const OTHER_CHAT_MESSAGE = seedStore().messagesOf(1005)[0]!.id

describe('im.message.add', () => {
  it('posts as the token user and answers the integer id, which shows in the history', async () => {
    const { AUTH_ID } = await p.token(5)
    const answer = await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'Hello [USER=2][/USER][br]second line' }, AUTH_ID)
    expect(answer.status).toBe(200)
    expect(Number.isInteger(answer.body.result)).toBe(true)
    const page = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, ORDER: { ID: 'ASC' }, LAST_ID: answer.body.result - 1 })).body.result
    expect(page.messages).toHaveLength(1)
    expect(page.messages[0]).toMatchObject({ id: answer.body.result, author_id: 5, text: 'Hello [USER=2 REPLACE]Мария Иванова[/USER]\nsecond line' })
    expect(page.messages[0].uuid).toMatch(/^[0-9a-f-]{36}$/)
    const next = await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'again' })
    expect(next.body.result).toBe(answer.body.result + 1)
  })

  it('truncates past 20,000 characters and keeps REPLY_ID', async () => {
    const id = (await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'x'.repeat(20_050), REPLY_ID: 100 })).body.result
    const message = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, ORDER: { ID: 'ASC' }, LAST_ID: id - 1, LIMIT: 1 })).body.result.messages[0]
    expect(message.text).toBe('x'.repeat(20_000) + ' (...)')
    // The v2 reader's ints are strings (Params.php, Param::toRestFormat).
    expect(message.params.REPLY_ID).toBe('100')
  })

  it('reports the documented errors', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ DIALOG_ID: 'chat1001' }, 400, 'MESSAGE_EMPTY'],
      [{ DIALOG_ID: 'chat1001', MESSAGE: '   ' }, 400, 'MESSAGE_EMPTY'],
      [{ DIALOG_ID: 'chat1001', MESSAGE: { a: 1 } }, 400, 'MESSAGE_EMPTY'],
      [{ MESSAGE: 'hi' }, 400, 'PARAMS_ERROR'],
      [{ DIALOG_ID: 'chat0', MESSAGE: 'hi' }, 400, 'CHAT_ID_EMPTY'],
      [{ DIALOG_ID: '77', MESSAGE: 'hi' }, 400, 'USER_NOT_FOUND'],
      [{ DIALOG_ID: 'chat1004', MESSAGE: 'hi' }, 403, 'ACCESS_ERROR'],
      [{ DIALOG_ID: 'chat1001', MESSAGE: 'hi', REPLY_ID: 999_999_999 }, 400, 'REPLY_ACCESS_ERROR'],
      [{ DIALOG_ID: 'chat1001', MESSAGE: 'hi', REPLY_ID: OTHER_CHAT_MESSAGE }, 400, 'REPLY_FROM_OTHER_CHAT_ERROR'],
    ]
    for (const [params, status, code] of cases) {
      const answer = await p.v2('im.message.add', params)
      expect([answer.status, answer.body.error], JSON.stringify(params)).toEqual([status, code])
    }
  })
})

describe('tasks.task.chat.message.send (v3)', () => {
  it('creates the task chat lazily with the task members and posts as the user', async () => {
    expect(p.portal.getTask(2)?.chatId).toBeNull()
    const { AUTH_ID } = await p.token(3)
    const answer = await p.v3('tasks.task.chat.message.send', { fields: { taskId: 2, text: 'First words about the budget' } }, { auth: AUTH_ID })
    expect(answer.status).toBe(200)
    expect(answer.body.result).toEqual({ result: true })
    const chatId = p.portal.getTask(2)?.chatId
    expect(chatId).toBe(1002)
    expect((await p.v3('tasks.task.get', { id: 2, select: ['chatId'] })).body.result.item.chatId).toBe(1002)
    const page = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1002' })).body.result
    expect(page.messages).toHaveLength(1)
    expect(page.messages[0]).toMatchObject({ author_id: 3, text: 'First words about the budget' })
    expect((await p.v2('im.chat.get', { ENTITY_TYPE: 'TASKS_TASK', ENTITY_ID: '2' })).body.result).toEqual({ ID: 1002 })
    // A second send reuses the chat.
    await p.v3('tasks.task.chat.message.send', { fields: { taskId: 2, text: 'second' } })
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1002' })).body.result.messages).toHaveLength(2)
  })

  it('reports the documented errors', async () => {
    const cases: [unknown, number, string, string][] = [
      [{}, 400, 'VALIDATION_REQUESTVALIDATIONEXCEPTION', 'fields'],
      [{ fields: { text: 'x' } }, 400, 'VALIDATION_DTOVALIDATIONEXCEPTION', 'taskId'],
      [{ fields: { taskId: '1', text: 'x' } }, 400, 'VALIDATION_REQUESTVALIDATIONEXCEPTION', 'taskId'],
      [{ fields: { taskId: 1 } }, 400, 'VALIDATION_DTOVALIDATIONEXCEPTION', 'text'],
      [{ fields: { taskId: 3, text: 'x' } }, 403, 'ACCESSDENIEDEXCEPTION', 'taskId'],
    ]
    for (const [params, status, code, field] of cases) {
      const answer = await p.v3('tasks.task.chat.message.send', params)
      expect(answer.status).toBe(status)
      expect(answer.body.error.code).toBe(`BITRIX_REST_V3_EXCEPTION_${code}`)
      expect(answer.body.error.validation[0].field).toBe(field)
    }
  })
})

describe('bots', () => {
  // chat-bots-v2/imbot.v2/bots/bot-register.md, bot-list.md; messages/chat-message-send.md (ACCESS_DENIED until the bot is added).
  it('registers a bot that is in no chat until a member adds it, then posts there', async () => {
    // A portal whose task chats keep the bot once added (Conditions.taskChatKeepsAnyone), so the bot can post there.
    p.portal.setConditions({ taskChatKeepsAnyone: true })
    const registered = await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })
    expect(registered.status).toBe(200)
    const botId = registered.body.result.bot.id
    expect(botId).toBe(9)
    expect(p.portal.getUser(botId)).toMatchObject({ bot: true, name: 'Task Chat Bot' })
    const again = await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })
    expect(again.body.result.bot.id).toBe(botId)
    expect((await p.v2('imbot.v2.Bot.list')).body.result.bots.map((b: { code: string }) => b.code)).toEqual(['task_chat_bot'])
    const outside = await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId: 'chat1004', fields: { message: 'Reminder from the bot' } })
    expect([outside.status, outside.body]).toEqual([403, { error: 'ACCESS_DENIED', error_description: 'Access denied' }])
    const { AUTH_ID: member } = await p.token(3)
    expect((await p.v2('im.chat.user.add', { CHAT_ID: 1004, USERS: [botId] }, member)).body.result).toBe(true)
    const sent = await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId: 'chat1004', fields: { message: 'Reminder from the bot' } })
    expect(sent.status).toBe(200)
    expect(Number.isInteger(sent.body.result.id)).toBe(true)
    const { AUTH_ID } = await p.token(3)
    const page = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1004', LIMIT: 1 }, AUTH_ID)).body.result
    expect(page.messages[0]).toMatchObject({ author_id: botId, text: 'Reminder from the bot' })
    // The bot's post is unread for user 3: the page may hold more than LIMIT (im-dialog-messages-get.md).
    expect(page.users.find((u: { id: number }) => u.id === botId)).toMatchObject({ id: botId, bot: true, type: 'bot' })
  })

  it('reports BOT_ID_REQUIRED, ACCESS_DENIED and EMPTY_MESSAGE', async () => {
    p.portal.setConditions({ taskChatKeepsAnyone: true })
    expect((await p.v2('imbot.v2.Chat.Message.send', { dialogId: 'chat1001', fields: { message: 'x' } })).body.error).toBe('BOT_ID_REQUIRED')
    const denied = await p.v2('imbot.v2.Chat.Message.send', { botId: 9, dialogId: 'chat424242', fields: { message: 'x' } })
    expect([denied.status, denied.body.error]).toEqual([403, 'ACCESS_DENIED'])
    await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })
    await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [9] })
    expect((await p.v2('imbot.v2.Chat.Message.send', { botId: 9, dialogId: 'chat1001', fields: { message: '' } })).body).toEqual({
      error: 'EMPTY_MESSAGE',
      error_description: 'Message is empty',
    })
  })
})

describe('installation', () => {
  it('binds, lists and unbinds placements as an admin only', async () => {
    const bind = await p.v2('placement.bind', {
      PLACEMENT: 'TASK_VIEW_TAB',
      HANDLER: 'http://localhost:5173/',
      TITLE: 'Task chat',
      LANG_ALL: { de: { TITLE: 'Aufgaben-Chat' } },
    })
    expect(bind.body.result).toBe(true)
    expect((await p.v2('placement.get')).body.result).toEqual([
      {
        placement: 'TASK_VIEW_TAB',
        handler: 'http://localhost:5173/',
        title: 'Task chat',
        description: '',
        options: [],
        langAll: { de: { TITLE: 'Aufgaben-Chat' } },
      },
    ])
    expect((await p.v2('placement.list')).body.result).toContain('TASK_VIEW_TAB')
    expect((await p.v2('placement.bind', { PLACEMENT: 'TASK_VIEW_TAB', HANDLER: 'http://localhost:5173/' })).body.error).toBe('ERROR_CORE')
    const missing = await p.v2('placement.bind', { HANDLER: 'http://localhost:5173/' })
    expect(missing.body).toEqual({ error: 'ERROR_ARGUMENT', error_description: "Argument 'PLACEMENT' is null or empty", argument: 'PLACEMENT' })
    expect((await p.v2('placement.bind', { PLACEMENT: 'TASK_VIEW_TAB' })).body.error).toBe('EMPTY_ERROR_HANDLER_URL')
    const { AUTH_ID } = await p.token(8)
    const denied = await p.v2('placement.bind', { PLACEMENT: 'TASK_VIEW_TAB', HANDLER: 'http://x/' }, AUTH_ID)
    expect([denied.status, denied.body.error]).toEqual([403, 'ACCESS_DENIED'])
    expect((await p.v2('placement.unbind', { PLACEMENT: 'TASK_VIEW_TAB' })).body.result).toEqual({ count: 1 })
    expect((await p.v2('placement.get')).body.result).toEqual([])
  })

  it('app.info reports INSTALLED, which the host page sets through the control API', async () => {
    expect((await p.v2('app.info')).body.result.INSTALLED).toBe(false)
    expect((await p.raw('/__portal/install', { method: 'POST', body: '{"installed":true}' })).body).toEqual({ installed: true })
    expect((await p.v2('app.info')).body.result.INSTALLED).toBe(true)
    p.portal.markInstalled(false)
    expect((await p.v2('app.info')).body.result.INSTALLED).toBe(false)
  })
})
