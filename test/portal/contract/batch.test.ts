/** v2 and v3 batches, with rows encoded exactly as b24jssdk encodes them (qs, brackets escaped). */
import { stringify } from 'qs'
import { describe, expect, it } from 'vitest'
import { expectTime, usePortal } from './helpers.ts'

const p = usePortal()

const row = (method: string, params: Record<string, unknown> = {}): string => `${method}?${stringify(params)}`

describe('v2 batch', () => {
  it('chains tasks.task.get into im.v2.Chat.Message.tail with $result in one round trip', async () => {
    const answer = await p.v2('batch', {
      halt: 1,
      cmd: {
        task: row('tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] }),
        tail: row('im.v2.Chat.Message.tail', { chatId: '$result[task][task][chatId]', limit: 50 }),
        legacy: row('im.dialog.messages.get', { DIALOG_ID: 'chat$result[task][task][chatId]', LIMIT: 50 }),
      },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.result.result.task.task.chatId).toBe(1001)
    expect(answer.body.result.result.tail.messages).toHaveLength(50)
    expect(answer.body.result.result.legacy.chat_id).toBe(1001)
    expect(answer.body.result.result_error).toEqual([])
    expectTime(answer.body.result.result_time.tail)
    expectTime(answer.body.time)
    expect(row('tasks.task.get', { taskId: 31, select: ['ID'] })).toBe('tasks.task.get?taskId=31&select%5B0%5D=ID')
  })

  it('answers an array cmd with arrays, and reports every key with halt 0', async () => {
    const answer = await p.v2('batch', { halt: 0, cmd: [row('user.current'), row('no.such.method'), row('im.user.get', { ID: 2 })] })
    const { result, result_error } = answer.body.result
    expect(result['0'].ID).toBe('1')
    expect(result['2'].name).toBe('Мария Иванова')
    expect(result_error).toEqual({ 1: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' } })
    const all = await p.v2('batch', { halt: 0, cmd: [row('user.current'), row('profile')] })
    expect(Array.isArray(all.body.result.result)).toBe(true)
    expect(all.body.result.result).toHaveLength(2)
  })

  it('stops at the first error with halt 1', async () => {
    const answer = await p.v2('batch', {
      halt: 1,
      cmd: { a: row('user.current'), b: row('im.dialog.messages.get', { DIALOG_ID: 'chat1004' }), c: row('profile') },
    })
    expect(Object.keys(answer.body.result.result)).toEqual(['a'])
    expect(answer.body.result.result_error).toEqual({ b: { error: 'ACCESS_ERROR', error_description: 'You do not have access to the specified dialog' } })
  })

  it('refuses nested or oversized batches', async () => {
    const nested = await p.v2('batch', { halt: 0, cmd: { inner: row('batch', { cmd: { a: 'user.current' } }) } })
    expect(nested.body.result.result_error.inner.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED')
    const big = await p.v2('batch', { halt: 0, cmd: Array.from({ length: 51 }, () => row('user.current')) })
    expect(big.status).toBe(400)
    expect(big.body).toEqual({ error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' })
    expect((await p.v2('batch', { halt: 0, cmd: Array.from({ length: 50 }, () => row('user.current')) })).status).toBe(200)
  })
})

/**
 * References as CRestUtil::processBatchElement resolves them (rest/classes/general/rest_util.php,
 * fed by CRestProvider::methodsBatch in rest/classes/general/rest_provider.php): the walk stops at
 * the first key that is not set, and the reference is the deepest value reached, never an empty
 * string; inside a longer string only a string or number replaces it, anything else leaves it as written.
 */
describe('v2 batch references (processBatchElement)', () => {
  const newestId = async (): Promise<number> => (await p.v2('im.dialog.get', { DIALOG_ID: 'chat1001' })).body.result.last_message_id
  const get = (params: Record<string, unknown>) => row('im.dialog.messages.get', { DIALOG_ID: 'chat1001', ...params })

  it('resolves a reference that reaches its value, leading digits and all', async () => {
    const id = await newestId()
    const answer = await p.v2('batch', {
      halt: 0,
      cmd: {
        newest: get({ LIMIT: 1 }),
        whole: get({ LAST_ID: '$result[newest][messages][0][id]', LIMIT: 1 }),
        zero: get({ LAST_ID: '0$result[newest][messages][0][id]', LIMIT: 1 }),
      },
    })
    const { result, result_error } = answer.body.result
    expect(result_error).toEqual([])
    expect(result.newest.messages[0].id).toBe(id)
    expect(result.whole.messages[0].id).toBeLessThan(id)
    expect(result.zero.messages[0].id).toBe(result.whole.messages[0].id)
  })

  it('takes the opening chained as the app chains it: search CHAT_ID "0$result[...]" reads the chat, and is no chat when unresolved', async () => {
    const opening = (taskId: number) =>
      p.v2('batch', {
        halt: 0,
        cmd: {
          task: row('tasks.task.get', { taskId, select: ['ID', 'TITLE', 'CHAT_ID'] }),
          page: row('im.dialog.messages.search', { CHAT_ID: '0$result[task][task][chatId]', LIMIT: 5, ORDER: { ID: 'DESC' } }),
        },
      })
    const answer = (await opening(1)).body.result
    expect(answer.result.page.messages).toHaveLength(5)
    // A task that is not there (v2 answers []): the reference stays as written, which is no chat.
    const missing = (await opening(999_999)).body.result
    expect(missing.result_error.page.error).toBe('ACCESS_ERROR')
  })

  it('gives an unresolved whole reference the deepest value reached: an array is no cursor, so the row is refused', async () => {
    const answer = await p.v2('batch', {
      halt: 0,
      cmd: { after: get({ FIRST_ID: await newestId(), LIMIT: 1 }), around: get({ LAST_ID: '$result[after][messages][0][id]', LIMIT: 5 }) },
    })
    const { result, result_error } = answer.body.result
    expect(result.after.messages).toEqual([])
    // LAST_ID became `[]` (after.messages), not "" (which would have read the newest page).
    expect(result_error.around).toEqual({ error: 'LAST_ID_STRING', error_description: "Last ID can't be string" })
  })

  it('leaves an unresolved reference inside a longer string as written', async () => {
    const answer = await p.v2('batch', {
      halt: 0,
      cmd: {
        after: get({ FIRST_ID: await newestId(), LIMIT: 1 }),
        zero: get({ LAST_ID: '0$result[after][messages][0][id]', LIMIT: 5 }),
        chat: get({ DIALOG_ID: 'chat$result[nothing][chatId]' }),
      },
    })
    const { result, result_error } = answer.body.result
    expect(result.zero).toBeUndefined()
    expect(result_error.zero.error).toBe('LAST_ID_STRING')
    expect(result.chat).toBeUndefined()
    expect(result_error.chat).toBeDefined()
  })

  it('walks into a failed or missing row as far as the map of results, not to an empty string', async () => {
    const answer = await p.v2('batch', {
      halt: 0,
      cmd: { first: get({ LIMIT: 1 }), failed: get({ DIALOG_ID: 'chat1004' }), unread: get({ FIRST_ID: '$result[failed][last_id]', LIMIT: 5 }) },
    })
    const { result_error } = answer.body.result
    expect(result_error.failed.error).toBe('ACCESS_ERROR')
    // FIRST_ID became the whole `result` map ({first: ...}): refused, where "" would have read nothing.
    expect(result_error.unread).toEqual({ error: 'FIRST_ID_STRING', error_description: "First ID can't be string" })
  })

  it('reads $total and $next of another row; $result_total is $result with the path _total[...]', async () => {
    const answer = await p.v2('batch', {
      halt: 0,
      cmd: {
        users: row('im.dialog.users.list', { DIALOG_ID: 'chat1001', LIMIT: 1 }),
        byTotal: get({ LIMIT: '$total[users]' }),
        byNext: get({ LIMIT: '$next[users]' }),
        task: row('tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] }),
        byOldName: get({ DIALOG_ID: 'chat$result_total[task][task][chatId]', LIMIT: 1 }),
      },
    })
    const { result, result_total, result_next, result_error } = answer.body.result
    expect(result.byTotal.messages).toHaveLength(Math.min(result_total.users, 50))
    expect(result.byNext.messages).toHaveLength(result_next.users)
    expect(result_error).toEqual([])
    expect(result.byOldName.chat_id).toBe(1001)
  })
})

describe('v3 batch', () => {
  const rows = [
    { method: 'tasks.task.get', query: { id: 1, select: ['id', 'chatId'] } },
    { method: 'tasks.task.result.list', query: { filter: [['taskId', 1]], select: ['id', 'messageId'] } },
  ]

  it('accepts a JSON array and answers in order', async () => {
    const answer = await p.v3('batch', rows)
    expect(answer.status).toBe(200)
    expect(answer.body.result[0]).toEqual({ item: { id: 1, chatId: 1001 } })
    expect(answer.body.result[1].items).toHaveLength(6)
    expectTime(answer.body.time)
  })

  it('accepts the SDK wire form: an object with numeric keys beside auth', async () => {
    const answer = await p.v3('batch', { 0: { ...rows[0], parallel: false }, 1: { ...rows[1], parallel: false } })
    expect(answer.status).toBe(200)
    expect(answer.body.result).toHaveLength(2)
    expect(answer.body.result[0].item.chatId).toBe(1001)
  })

  it('is all or nothing: the first failing row is the whole answer', async () => {
    const answer = await p.v3('batch', [rows[0], { method: 'tasks.task.get', query: { id: 3 } }, { method: 'tasks.task.get', query: { id: 2000 } }])
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION')
    const v2Style = await p.v3('batch', { cmd: { a: 'tasks.task.get?id=1' } })
    expect(v2Style.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_INVALIDSELECTEXCEPTION')
  })
})
