/** v2 and v3 batches, with rows encoded exactly as b24jssdk encodes them (qs, brackets escaped). */
import { stringify } from 'qs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectTime, startTestPortal, type TestPortal } from './helpers.ts'

let p: TestPortal
beforeAll(async () => {
  p = await startTestPortal()
})
afterAll(() => p.close())

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

  it('leaves unresolved placeholders empty and refuses nested or oversized batches', async () => {
    const unresolved = await p.v2('batch', { halt: 0, cmd: { m: row('im.dialog.messages.get', { DIALOG_ID: '$result[nothing][chatId]' }) } })
    expect(unresolved.body.result.result_error.m.error).toBe('DIALOG_ID_EMPTY')
    const nested = await p.v2('batch', { halt: 0, cmd: { inner: row('batch', { cmd: { a: 'user.current' } }) } })
    expect(nested.body.result.result_error.inner.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED')
    const big = await p.v2('batch', { halt: 0, cmd: Array.from({ length: 51 }, () => row('user.current')) })
    expect(big.status).toBe(400)
    expect(big.body).toEqual({ error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' })
    expect((await p.v2('batch', { halt: 0, cmd: Array.from({ length: 50 }, () => row('user.current')) })).status).toBe(200)
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
