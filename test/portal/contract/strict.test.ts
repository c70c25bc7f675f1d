/** The stricter readings: bots outside task chats, im.chat.user.add, Bot.list's shape, REST 3.0 select and access.get. */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

const register = async (): Promise<number> =>
  (await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })).body.result.bot.id

describe('bots and task chats', () => {
  // api-reference/chat-bots/chat-bots-v2/imbot.v2/messages/chat-message-send.md: ACCESS_DENIED "Access denied" (bot is not a participant).
  it('a registered bot is in no task chat, lazily created ones included', async () => {
    const botId = await register()
    for (const dialogId of ['chat1001', 'chat1004']) {
      const refused = await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId, fields: { message: 'hi' } })
      expect([refused.status, refused.body]).toEqual([403, { error: 'ACCESS_DENIED', error_description: 'Access denied' }])
    }
    await p.v3('tasks.task.chat.message.send', { fields: { taskId: 2, text: 'opens the chat' } })
    expect(p.portal.getTask(2)?.chatId).not.toBeNull()
    const lazy = await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId: `chat${p.portal.getTask(2)?.chatId}`, fields: { message: 'hi' } })
    expect(lazy.status).toBe(403)
    const members = (await p.v2('im.dialog.users.list', { DIALOG_ID: 'chat1001' })).body.result.map((u: { id: number }) => u.id)
    expect(members).not.toContain(botId)
  })

  // api-reference/chats/chat-users/im-chat-user-add.md (+ im/classes/general/im_rest.php chatUserAdd, CIMChat::AddUser);
  // who may add and whether the bot is kept: test/portal/contract/chat-rights.test.ts.
  it('im.chat.user.add: a member adds the bot (result true); the documented refusals', async () => {
    const botId = await register()
    p.portal.setConditions({ taskChatKeepsAnyone: true })
    const added = await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId], HIDE_HISTORY: 'N' })
    expect([added.status, added.body.result]).toEqual([200, true])
    expect((await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId: 'chat1001', fields: { message: 'hi' } })).body.result).toEqual({
      id: expect.any(Number),
      uuidMap: {},
    })
    // Adding a member again changes nothing and still answers true (Chat::addUsers; AddUser returns true).
    expect((await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] })).body.result).toBe(true)
    const cases: [Record<string, unknown>, number, string, string, string?][] = [
      [{ USERS: [botId] }, 400, 'CHAT_ID_EMPTY', "Chat ID can't be empty"],
      [{ CHAT_ID: 1001, USERS: 'x' }, 400, 'WRONG_REQUEST', 'User IDs must be passed in array format'],
      // Not a member of chat 1004: a guest may not add (canDo(Extend) fails, AddUser answers false).
      [{ CHAT_ID: 1004, USERS: [2] }, 400, 'WRONG_REQUEST', "You don't have access or user already member in chat"],
      [{ CHAT_ID: 424242, USERS: [2] }, 403, 'ACCESS_ERROR', 'Action unavailable'],
    ]
    for (const [params, status, error, description] of cases) {
      const answer = await p.v2('im.chat.user.add', params)
      expect([answer.status, answer.body]).toEqual([status, { error, error_description: description }])
    }
  })

  it('HIDE_HISTORY (default Y) hides what was posted before the user joined', async () => {
    const { AUTH_ID: carter } = await p.token(3)
    await p.v2('im.chat.user.add', { CHAT_ID: 1004, USERS: [1] }, carter)
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1004' })).body.result.messages).toEqual([])
    await p.v2('im.message.add', { DIALOG_ID: 'chat1004', MESSAGE: 'after joining' })
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1004' })).body.result.messages.map((m: { text: string }) => m.text)).toEqual([
      'after joining',
    ])
  })

  // im-chat-user-add.md: ACCESS_ERROR "It is forbidden to add users to this chat" (Conditions.taskChatMembersLocked)
  it('taskChatMembersLocked: task chats refuse new members', async () => {
    const botId = await register()
    p.portal.setConditions({ taskChatMembersLocked: true })
    const refused = await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] })
    expect([refused.status, refused.body]).toEqual([403, { error: 'ACCESS_ERROR', error_description: 'It is forbidden to add users to this chat' }])
  })
})

describe('imbot.v2.Bot.list and Bot.register', () => {
  // chat-bots-v2/entities.md#bot, imbot.v2/bots/bot-list.md, bot-register.md: the name lives in `users`, not in the bot.
  it('answer the documented shapes: {bots, users, hasNextPage} and {bot, users}', async () => {
    const registered = (await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })).body.result
    expect(Object.keys(registered).sort()).toEqual(['bot', 'users'])
    const bot = {
      id: 9,
      code: 'task_chat_bot',
      type: 'bot',
      isHidden: false,
      isSupportOpenline: false,
      isReactionsEnabled: true,
      backgroundId: null,
      language: 'en',
      moduleId: 'rest',
      eventMode: 'fetch',
      countMessage: 0,
      countCommand: 0,
      countChat: 0,
      countUser: 0,
    }
    expect(registered.bot).toEqual(bot)
    expect(registered.users[0]).toMatchObject({
      id: 9,
      active: true,
      name: 'Task Chat Bot',
      firstName: 'Task',
      lastName: 'Chat Bot',
      bot: true,
      type: 'bot',
      externalAuthId: 'bot',
    })
    const listed = (await p.v2('imbot.v2.Bot.list')).body.result
    expect(Object.keys(listed).sort()).toEqual(['bots', 'hasNextPage', 'users'])
    expect(listed.bots).toEqual([bot])
    expect(listed.bots[0].properties).toBeUndefined()
    expect(listed.users.map((u: { id: number; name: string }) => [u.id, u.name])).toEqual([[9, 'Task Chat Bot']])
    expect(listed.hasNextPage).toBe(false)
    expect((await p.v2('imbot.v2.Bot.list', { filter: { type: 'openline' } })).body.result.bots).toEqual([])
  })

  it('register reports BOT_CODE_REQUIRED and BOT_PROPERTIES_REQUIRED', async () => {
    expect((await p.v2('imbot.v2.Bot.register', { fields: { properties: { name: 'x' } } })).body).toEqual({
      error: 'BOT_CODE_REQUIRED',
      error_description: 'Bot code is required',
    })
    expect((await p.v2('imbot.v2.Bot.register', { fields: { code: 'x' } })).body).toEqual({
      error: 'BOT_PROPERTIES_REQUIRED',
      error_description: 'Bot properties are required',
    })
  })
})

describe('REST 3.0 select and tasks.task.access.get', () => {
  // api-reference/tasks/fields-rest-v3.md (`rights` is a field), tasks-task-get-rest-v3.md (Unknown field `status` for entity `TaskDto`).
  it('a dot path on the plain field rights is refused; select rights returns the whole object', async () => {
    const refused = await p.v3('tasks.task.get', { id: 1, select: ['id', 'rights.createResult'] })
    expect([refused.status, refused.body]).toEqual([
      400,
      { error: { code: 'BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION', message: 'Unknown field `rights` for entity `TaskDto`' } },
    ])
    const whole = (await p.v3('tasks.task.get', { id: 1, select: ['id', 'rights'] })).body.result.item
    expect(whole.rights).toMatchObject({ read: true, createResult: true, resultRead: true, sort: false })
    expect(Object.keys(whole.rights)).toHaveLength(45)
  })

  // api-reference/tasks/tasks-task-access-get.md
  it('tasks.task.access.get answers the action map itself; id is validated', async () => {
    const answer = await p.v3('tasks.task.access.get', { id: 1 })
    expect(answer.status).toBe(200)
    expect(answer.body.result).toMatchObject({ read: true, createResult: true, watch: true, edit: true })
    expect(answer.body.result.item).toBeUndefined()
    const auditor = (await p.token(8)).AUTH_ID
    expect((await p.v3('tasks.task.access.get', { id: 1 }, { auth: auditor })).body.result.createResult).toBe(false)
    const missing = await p.v3('tasks.task.access.get', {})
    expect([missing.status, missing.body.error.validation]).toEqual([400, [{ field: 'id', message: 'Required field `id` is missing' }]])
    expect((await p.v3('tasks.task.access.get', { id: '1' })).body.error.validation[0].message).toBe('Field `id` requires data type `int` for this request')
    expect((await p.v3('tasks.task.access.get', { id: 3 })).status).toBe(403)
    p.portal.setConditions({ accessGetNoTask: 'allFalse' })
    expect(Object.values((await p.v3('tasks.task.access.get', { id: 3 })).body.result).every((v) => v === false)).toBe(true)
    expect((await p.v3('tasks.task.access.get', { id: 999 })).body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION')
  })
})
