/** Reading: tasks, chats, history pages and users, with their documented errors. */
import { afterAll, describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal()

describe('tasks.task.get (v2)', () => {
  it('returns the task with string ids and a numeric chatId', async () => {
    const answer = await p.v2('tasks.task.get', { taskId: 1 })
    expect(answer.status).toBe(200)
    const task = answer.body.result.task
    expect(task).toMatchObject({ id: '1', title: 'Launch the spring marketing campaign', status: '3', responsibleId: '2', createdBy: '1', chatId: 1001 })
    expect(typeof task.description).toBe('string')
  })

  it('honours select, always adding chatId, favorite, group and action', async () => {
    const task = (await p.v2('tasks.task.get', { taskId: '2', select: ['ID', 'TITLE'] })).body.result.task
    expect(Object.keys(task).sort()).toEqual(['action', 'chatId', 'favorite', 'group', 'id', 'title'])
    expect(task.chatId).toBeNull()
  })

  it('returns [] for a task the user cannot open or that does not exist', async () => {
    expect((await p.v2('tasks.task.get', { taskId: 3 })).body.result).toEqual([])
    expect((await p.v2('tasks.task.get', { taskId: 999 })).body.result).toEqual([])
  })

  it('answers 400 errors for a missing or malformed taskId', async () => {
    const missing = await p.v2('tasks.task.get', {})
    expect(missing.status).toBe(400)
    expect(missing.body.error).toBe('100')
    const wrong = await p.v2('tasks.task.get', { taskId: 'abc' })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toEqual({ error: '0', error_description: 'wrong task id' })
  })
})

describe('tasks.task.get (v3)', () => {
  it('returns the basic fields and rights without select', async () => {
    const item = (await p.v3('tasks.task.get', { id: 1 })).body.result.item
    expect(item).toMatchObject({ id: 1, title: 'Launch the spring marketing campaign', chatId: 1001, containsResults: true, requireResult: true })
    expect(item.rights).toMatchObject({ createResult: true, resultEdit: true, removeResult: true, resultRead: true })
  })

  // api-reference/rest-v3.md#connection: dot paths only into related objects; `rights` is a plain field.
  it('supports dot paths into related objects and drops unknown own fields', async () => {
    const item = (await p.v3('tasks.task.get', { id: 1, select: ['id', 'chatId', 'chat.id', 'chat.entityId', 'chat.entityType', 'nonsense'] })).body.result.item
    expect(item).toEqual({ id: 1, chatId: 1001, chat: { id: 1001, entityId: 1, entityType: 'TASKS_TASK' } })
    const noChat = (await p.v3('tasks.task.get', { id: 2, select: ['id', 'chatId'] })).body.result.item
    expect(noChat).toEqual({ id: 2, chatId: null })
  })

  // api-reference/chats/messages/im-dialog-messages-get.md, Returned Data: "The method will return an empty
  // array if a non-existent identifier is specified in LAST_ID or FIRST_ID".
  it('answers empty arrays for a LAST_ID or FIRST_ID that is not a message of the chat', async () => {
    const emptyPage = { chat_id: 1001, messages: [], users: [], files: [] }
    const newest = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages[0].id as number
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LAST_ID: newest + 1 })).body.result).toEqual(emptyPage)
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: newest + 1 })).body.result).toEqual(emptyPage)
    // An id of another chat is not a message of this one.
    const other = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1005', LIMIT: 1 })).body.result.messages[0].id as number
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LAST_ID: other })).body.result).toEqual(emptyPage)
    // The message itself is a cursor: FIRST_ID of the newest answers nothing newer, LAST_ID of it the page before.
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: newest })).body.result.messages).toEqual([])
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LAST_ID: newest, LIMIT: 2 })).body.result.messages).toHaveLength(2)
  })

  it('reports the documented errors', async () => {
    const related = await p.v3('tasks.task.get', { id: 1, select: ['responsible.foo'] })
    expect([related.status, related.body.error.code]).toEqual([400, 'BITRIX_REST_V3_EXCEPTION_UNKNOWNDTOPROPERTYEXCEPTION'])
    const missing = await p.v3('tasks.task.get', { id: 2000 })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toEqual({ code: 'BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION', message: 'Record with ID = `2000` not found' })
    const denied = await p.v3('tasks.task.get', { id: 3 })
    expect([denied.status, denied.body.error.code]).toEqual([403, 'BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION'])
    for (const params of [{}, { id: '1' }]) {
      const bad = await p.v3('tasks.task.get', params)
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION')
      expect(bad.body.error.validation[0].field).toBe('id')
    }
  })
})

describe('chats', () => {
  it('im.chat.get finds a task chat by entity, or null', async () => {
    expect((await p.v2('im.chat.get', { ENTITY_TYPE: 'TASKS_TASK', ENTITY_ID: '1' })).body.result).toEqual({ ID: 1001 })
    expect((await p.v2('im.chat.get', { ENTITY_TYPE: 'TASKS_TASK', ENTITY_ID: '2' })).body.result).toBeNull()
    expect((await p.v2('im.chat.get', { ENTITY_TYPE: 'TASKS', ENTITY_ID: '1' })).body.result).toBeNull()
  })

  it('im.dialog.get returns the chat object; non-members get ACCESS_ERROR', async () => {
    const chat = (await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' })).body.result
    expect(chat).toMatchObject({ id: 1001, type: 'tasksTask', entity_type: 'TASKS_TASK', entity_id: '1', dialog_id: 'chat1001', message_type: 'X' })
    expect(chat.message_count).toBeGreaterThanOrEqual(5000)
    expect(chat.permissions.can_post).toBe('member')
    const denied = await p.v2('im.dialog.get', { DIALOG_ID: 'chat1004' })
    expect([denied.status, denied.body.error]).toEqual([403, 'ACCESS_ERROR'])
    expect((await p.v2('im.dialog.get', {})).body.error).toBe('DIALOG_ID_EMPTY')
  })
})

describe('im.dialog.messages.get', () => {
  it('returns the newest 20 newest-first, with snake_case messages and users and camelCase files', async () => {
    const result = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001' })).body.result
    expect(result.chat_id).toBe(1001)
    expect(result.messages).toHaveLength(20)
    const ids = result.messages.map((m: { id: number }) => m.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    const human = result.messages.find((m: { author_id: number }) => m.author_id > 0)
    expect(Object.keys(human).sort()).toEqual(['author_id', 'chat_id', 'date', 'disappearing_date', 'id', 'params', 'replaces', 'text', 'unread', 'uuid'])
    expect(human.date).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
    const plain = result.messages.find((m: { params: unknown }) => Array.isArray(m.params))
    expect(plain.params).toEqual([])
    const authors = new Set(result.messages.filter((m: { author_id: number }) => m.author_id > 0).map((m: { author_id: number }) => m.author_id))
    expect(new Set(result.users.map((u: { id: number }) => u.id))).toEqual(authors)
    expect(result.users[0]).toHaveProperty('first_name')
    const fileIds = result.messages.flatMap((m: { params: { FILE_ID?: number[] } }) => m.params.FILE_ID ?? [])
    expect(fileIds.length).toBeGreaterThan(0)
    expect(result.files.map((f: { id: number }) => f.id).sort()).toEqual([...fileIds].sort())
    expect(result.files[0]).toMatchObject({ chatId: 1001, type: 'image', status: 'done' })
    expect(result.files[0].urlDownload).toContain(`${p.origin}/upload/file/`)
  })

  it('pages older with LAST_ID (newest first) and newer with FIRST_ID (the nearest, FIRST_ID wins); LIMIT caps at 50', async () => {
    const older = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LAST_ID: 3000, LIMIT: 10 })).body.result.messages
    expect(older.map((m: { id: number }) => m.id)).toEqual([2999, 2998, 2997, 2996, 2995, 2994, 2993, 2992, 2991, 2990])
    const newer = (await p.v2('im.dialog.messages.get', { CHAT_ID: 1001, FIRST_ID: '3000', LAST_ID: 100, LIMIT: '5' })).body.result.messages
    expect(newer.map((m: { id: number }) => m.id).sort((a: number, b: number) => a - b)).toEqual([3001, 3002, 3003, 3004, 3005])
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 500 })).body.result.messages).toHaveLength(50)
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LAST_ID: 1 })).body.result.messages).toEqual([])
    const empty = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1006' })).body.result
    expect(empty).toEqual({ chat_id: 1006, messages: [], users: [], files: [] })
  })

  it('reports the documented errors', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{}, 400, 'DIALOG_ID_EMPTY'],
      [{ DIALOG_ID: 'chat1001', FIRST_ID: 'abc' }, 400, 'FIRST_ID_STRING'],
      [{ DIALOG_ID: 'chat1001', LAST_ID: 'x1' }, 400, 'LAST_ID_STRING'],
      [{ DIALOG_ID: 'chat1004' }, 403, 'ACCESS_ERROR'],
      [{ DIALOG_ID: 'chat1003' }, 403, 'ACCESS_ERROR'],
    ]
    for (const [params, status, code] of cases) {
      const answer = await p.v2('im.dialog.messages.get', params)
      expect([answer.status, answer.body.error]).toEqual([status, code])
    }
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1004' })).body.error_description).toBe('You do not have access to the specified dialog')
  })
})

/**
 * A FIRST_ID read names no order: api-reference/chats/messages/im-dialog-messages-get.md gives none,
 * and im/lib/chat.php getMessages passes an empty `order` for FIRST_ID (both for the ids and for the
 * messages), so the database lists them as it likes. Conditions.firstIdOrder: 'scrambled' by default.
 */
describe('im.dialog.messages.get FIRST_ID order (Conditions.firstIdOrder)', () => {
  const read = async () =>
    ((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: 3000, LIMIT: 8 })).body.result.messages as { id: number }[]).map((m) => m.id)
  const nearest = [3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008]
  afterAll(() => p.portal.setConditions({ firstIdOrder: 'scrambled' }))

  it('scrambled (the default): the nearest messages, in neither ascending nor descending order', async () => {
    const ids = await read()
    expect([...ids].sort((a, b) => a - b)).toEqual(nearest)
    expect(ids).not.toEqual(nearest)
    expect(ids).not.toEqual([...nearest].reverse())
    expect(await read()).toEqual(ids)
  })

  it('ascending and descending: the orders a database may give', async () => {
    p.portal.setConditions({ firstIdOrder: 'ascending' })
    expect(await read()).toEqual(nearest)
    p.portal.setConditions({ firstIdOrder: 'descending' })
    expect(await read()).toEqual([...nearest].reverse())
  })
})

describe('im.v2.Chat.Message.tail', () => {
  it('returns a newest-first page with camelCase users, reply targets and hasNextPage', async () => {
    const result = (await p.v2('im.v2.Chat.Message.tail', { chatId: 1001, limit: 200 })).body.result
    expect(result.messages).toHaveLength(200)
    expect(Object.keys(result).sort()).toEqual([
      'additionalMessages',
      'files',
      'hasNextPage',
      'messages',
      'reactions',
      'reminders',
      'tariffRestrictions',
      'users',
    ])
    expect(result.tariffRestrictions).toEqual({ isHistoryLimitExceeded: false })
    expect(result.hasNextPage).toBe(true)
    const first = result.messages[0]
    expect(first).toHaveProperty('chat_id', 1001)
    expect(first).toHaveProperty('author_id')
    expect(typeof first.isSystem).toBe('boolean')
    expect(result.users[0]).toHaveProperty('firstName')
    const replies = result.messages
      .filter((m: { params: { REPLY_ID?: string } }) => m.params.REPLY_ID)
      .map((m: { params: { REPLY_ID: string } }) => Number(m.params.REPLY_ID))
    expect(replies.length).toBeGreaterThan(0)
    for (const id of replies) expect(result.additionalMessages.map((m: { id: number }) => m.id)).toContain(id)
  })

  it('pages with filter[lastId] and order[id], falls back to 50 for an out-of-range limit', async () => {
    const desc = (await p.v2('im.v2.Chat.Message.tail', { dialogId: 'chat1001', limit: 3, filter: { lastId: 100 } })).body.result
    expect(desc.messages.map((m: { id: number }) => m.id)).toEqual([99, 98, 97])
    const asc = (await p.v2('im.v2.Chat.Message.tail', { chatId: '1001', limit: '3', filter: { lastId: '100' }, order: { id: 'ASC' } })).body.result
    expect(asc.messages.map((m: { id: number }) => m.id)).toEqual([101, 102, 103])
    expect((await p.v2('im.v2.Chat.Message.tail', { chatId: 1001, limit: 500 })).body.result.messages).toHaveLength(50)
    expect((await p.v2('im.v2.Chat.Message.tail', { chatId: 1001, limit: 0 })).body.result.messages).toHaveLength(50)
    const end = (await p.v2('im.v2.Chat.Message.tail', { chatId: 1001, limit: 10, filter: { lastId: 5 } })).body.result
    expect(end.messages).toHaveLength(4)
    expect(end.hasNextPage).toBe(false)
  })

  it('answers ACCESS_DENIED 403 to non-members', async () => {
    const denied = await p.v2('im.v2.Chat.Message.tail', { chatId: 1004 })
    expect([denied.status, denied.body.error]).toEqual([403, 'ACCESS_DENIED'])
    expect((await p.v2('im.v2.Chat.Message.tail', { chatId: 424242 })).status).toBe(400)
  })

  it('reads the 100,000-message benchmark chat', async () => {
    const result = (await p.v2('im.v2.Chat.Message.tail', { chatId: 1100, limit: 200 })).body.result
    expect(result.messages).toHaveLength(200)
    expect(result.messages[0].text).toMatch(/^#100000 /)
    expect(p.portal.getTask(100)?.chatId).toBe(1100)
  })
})

describe('users', () => {
  it('im.user.get returns one user (the caller without ID) and reports its errors', async () => {
    const me = (await p.v2('im.user.get')).body.result
    expect(me).toMatchObject({ id: 1, name: 'Alex Morgan', first_name: 'Alex', bot: false, color: '#4ba984' })
    expect(me.avatar).toBe(`${p.origin}/upload/avatar/1.svg`)
    expect((await p.v2('im.user.get', { ID: 3 })).body.result.avatar).toBe('')
    expect((await p.v2('im.user.get', { ID: 0 })).body.error).toBe('ID_EMPTY')
    expect((await p.v2('im.user.get', { ID: 77 })).body.error).toBe('USER_NOT_EXISTS')
  })

  it('im.user.list.get answers an object keyed by id, or an array with RESULT_TYPE', async () => {
    const object = (await p.v2('im.user.list.get', { ID: [2, 4] })).body.result
    expect(Object.keys(object)).toEqual(['2', '4'])
    expect(object['4'].name).toBe('Дмитрий Соколов')
    const array = (await p.v2('im.user.list.get', { ID: '[5,8]', RESULT_TYPE: 'array' })).body.result
    expect(array.map((u: { name: string }) => u.name)).toEqual(['Emily Zhang', 'Sofia Rossi'])
    const bad = await p.v2('im.user.list.get', { ID: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ error: 'INVALID_FORMAT', error_description: 'A wrong format for the ID field is passed' })
  })

  it('user.current and profile describe the caller', async () => {
    const { AUTH_ID } = await p.token(8)
    expect((await p.v2('user.current', {}, AUTH_ID)).body.result).toMatchObject({ ID: '8', NAME: 'Sofia', LAST_NAME: 'Rossi', PERSONAL_PHOTO: '' })
    expect((await p.v2('profile', {}, AUTH_ID)).body.result).toMatchObject({ ID: '8', ADMIN: false, NAME: 'Sofia' })
    expect((await p.v2('profile')).body.result.ADMIN).toBe(true)
  })
})

describe('im.dialog.users.list', () => {
  it('lists the chat members as snake_case users with total and next for paging', async () => {
    const first = await p.v2('im.dialog.users.list', { DIALOG_ID: 'chat1001', LIMIT: 5 })
    expect(first.status).toBe(200)
    expect(first.body.total).toBe(8)
    expect(first.body.next).toBe(5)
    expect(first.body.result).toHaveLength(5)
    expect(first.body.result[1]).toMatchObject({ id: 2, name: 'Мария Иванова', first_name: 'Мария', bot: false })
    const rest = await p.v2('im.dialog.users.list', { DIALOG_ID: 'chat1001', LIMIT: 5, OFFSET: 5 })
    expect(rest.body.result.map((u: { id: number }) => u.id)).toEqual([6, 7, 8])
    expect(rest.body.next).toBeUndefined()
  })

  it('answers DIALOG_ID_EMPTY and ACCESS_ERROR as documented', async () => {
    const empty = await p.v2('im.dialog.users.list', {})
    expect(empty.status).toBe(400)
    expect(empty.body).toEqual({ error: 'DIALOG_ID_EMPTY', error_description: "Dialog ID can't be empty" })
    const closed = await p.v2('im.dialog.users.list', { DIALOG_ID: 'chat1004' })
    expect(closed.status).toBe(403)
    expect(closed.body.error).toBe('ACCESS_ERROR')
  })
})
