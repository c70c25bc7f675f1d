/**
 * Who may add people (the app's bot) to a task chat, and what im.dialog.get says about it.
 * Docs: api-reference/chats/chat-users/im-chat-user-add.md ("chat participant with permission to add
 * users"; ACCESS_ERROR, ACCESS_DENIED_EXTEND), api-reference/chats/im-dialog-get.md (`role`,
 * `permissions.manage_users_add`, `restrictions.extend`, `leave_owner`, `user_list`).
 * Source (yuliai/bitrix-modules): im/classes/general/im_rest.php chatUserAdd and dialogGet,
 * im/classes/general/im_chat.php AddUser and GetChatOptions, im/lib/chat.php formatChatData,
 * im/lib/V2/Chat.php canDo, im/lib/V2/Permission.php, im/lib/V2/Relation/ExternalChatRelations.php,
 * tasks/lib/V2/Internal/Integration/Im/Chat.php (onRegisterType, onFilterUsersByAccess).
 */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

const register = async (): Promise<number> =>
  (await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })).body.result.bot.id
const dialog = async (auth?: string) => (await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' }, auth)).body.result
const members = async () => (await p.v2('im.dialog.users.list', { DIALOG_ID: 'chat1001', LIMIT: 200 })).body.result.map((u: { id: number }) => u.id)
const WRONG_REQUEST = { error: 'WRONG_REQUEST', error_description: "You don't have access or user already member in chat" }

describe('im.dialog.get: role, permissions and restrictions', () => {
  // im-dialog-get.md: role lowercase; permissions as formatChatData lowercases them; restrictions' keys
  // as Im\Common::toJson(…, false) writes GetChatOptions' DEFAULT (a TASKS_TASK chat has no options of its own).
  it('answers the documented field names and the task chat’s defaults', async () => {
    const owner = await dialog()
    expect(owner.role).toBe('owner')
    expect(owner.permissions).toEqual({
      manage_users_add: 'member',
      manage_users_delete: 'manager',
      manage_ui: 'member',
      manage_settings: 'owner',
      manage_messages: 'member',
      can_post: 'member',
    })
    expect(owner.restrictions).toEqual({
      avatar: true,
      rename: true,
      extend: true,
      call: true,
      mute: true,
      leave: true,
      leave_owner: true,
      send: true,
      user_list: true,
    })
    expect((await dialog((await p.token(3)).AUTH_ID)).role).toBe('member')
  })

  it('says what the switches set: MANAGE_USERS_ADD, and EXTEND forbidden by the chat options', async () => {
    p.portal.setConditions({ taskChatUsersAdd: 'owner', taskChatMembersLocked: true })
    const answer = await dialog()
    expect(answer.permissions.manage_users_add).toBe('owner')
    expect(answer.restrictions.extend).toBe(false)
  })
})

describe('im.chat.user.add in a task chat', () => {
  // Chat::canDo(Extend): the role must reach MANAGE_USERS_ADD (default MEMBER) and the TASKS_TASK type's right (MEMBER).
  it('a member may add by default; a refusal answers 400 WRONG_REQUEST as the source does, or the doc’s 403 ACCESS_DENIED_EXTEND', async () => {
    const botId = await register()
    const { AUTH_ID: member } = await p.token(3)
    p.portal.setConditions({ taskChatKeepsAnyone: true })
    expect((await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] }, member)).body.result).toBe(true)
    expect(await members()).toContain(botId)

    p.portal.reset()
    p.portal.setConditions({ taskChatKeepsAnyone: true, taskChatUsersAdd: 'owner' })
    const refused = await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] }, member)
    expect([refused.status, refused.body]).toEqual([400, WRONG_REQUEST])
    expect(await members()).not.toContain(botId)
    // The owner still may.
    expect((await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] })).body.result).toBe(true)

    p.portal.reset()
    p.portal.setConditions({ taskChatUsersAdd: 'manager', taskChatAddRefusal: 'doc' })
    const documented = await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] }, member)
    expect([documented.status, documented.body]).toEqual([
      403,
      { error: 'ACCESS_DENIED_EXTEND', error_description: 'Insufficient permissions to add participants to the chat' },
    ])
  })

  // ExternalChatRelations + tasks' onFilterUsersByAccess: a TASKS_TASK chat keeps only those with access to the task.
  it('strict by default: the bot, without access to the task, is not kept; the add answers true and the post stays refused', async () => {
    const botId = await register()
    expect((await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId], HIDE_HISTORY: 'N' })).body.result).toBe(true)
    expect(await members()).not.toContain(botId)
    const post = await p.v2('imbot.v2.Chat.Message.send', { botId, dialogId: 'chat1001', fields: { message: 'hi' } })
    expect([post.status, post.body]).toEqual([403, { error: 'ACCESS_DENIED', error_description: 'Access denied' }])
  })

  // Chat::isActionAllowed(EXTEND) false: 403 ACCESS_ERROR, whatever the caller's role.
  it('taskChatMembersLocked: the chat options forbid EXTEND, even to the owner', async () => {
    const botId = await register()
    p.portal.setConditions({ taskChatMembersLocked: true, taskChatKeepsAnyone: true })
    const refused = await p.v2('im.chat.user.add', { CHAT_ID: 1001, USERS: [botId] })
    expect([refused.status, refused.body]).toEqual([403, { error: 'ACCESS_ERROR', error_description: 'It is forbidden to add users to this chat' }])
  })
})
