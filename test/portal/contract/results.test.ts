/** Task results from chat messages (REST 3.0), including Idempotency-Key replay. */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal()

const V3 = 'BITRIX_REST_V3_EXCEPTION_'

describe('tasks.task.result.list', () => {
  it('lists the seeded results of task 1 with the requested fields', async () => {
    const answer = await p.v3('tasks.task.result.list', {
      filter: [['taskId', 1]],
      select: ['id', 'messageId', 'authorId'],
      order: { id: 'DESC' },
      pagination: { limit: 50 },
    })
    expect(answer.status).toBe(200)
    const items = answer.body.result.items
    expect(items).toHaveLength(6)
    expect(Object.keys(items[0]).sort()).toEqual(['authorId', 'id', 'messageId'])
    expect(new Set(items.map((i: { authorId: number }) => i.authorId))).toEqual(new Set([1, 2]))
    expect(items[0].id).toBeGreaterThan(items[5].id)
  })

  it('filters with operators and pages', async () => {
    const filtered = (
      await p.v3('tasks.task.result.list', {
        filter: [
          ['taskId', 1],
          ['authorId', '=', 2],
          ['id', '>', 1],
        ],
        select: ['id', 'authorId'],
      })
    ).body.result.items
    expect(filtered.every((i: { authorId: number }) => i.authorId === 2)).toBe(true)
    expect(filtered).toHaveLength(3)
    const page = (await p.v3('tasks.task.result.list', { filter: [['taskId', 'in', [1]]], select: ['id'], pagination: { limit: 2, page: 2 } })).body.result
      .items
    expect(page.map((i: { id: number }) => i.id)).toEqual([3, 4])
  })

  /**
   * The page documents no size; rest/lib/V3/Structure/PaginationStructure.php caps `limit` at 1000
   * (default 50), and ListResponse (rest/lib/V3/Interaction/Response/ListResponse.php) answers `items`
   * alone: no next, no total. Conditions.resultsPageMax makes pages smaller than asked.
   */
  it('answers items alone, and pages no larger than resultsPageMax whatever the limit asks', async () => {
    const list = async (offset: number) =>
      (await p.v3('tasks.task.result.list', { filter: [['taskId', 1]], select: ['id'], order: { id: 'ASC' }, pagination: { limit: 50, offset } })).body.result
    expect(Object.keys(await list(0))).toEqual(['items'])
    p.portal.setConditions({ resultsPageMax: 4 })
    try {
      const first = await list(0)
      expect(first.items).toHaveLength(4)
      expect((await list(4)).items).toHaveLength(2)
      expect((await list(6)).items).toEqual([])
    } finally {
      p.portal.setConditions({ resultsPageMax: 1000 })
    }
  })

  it('reports the documented errors', async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, 'VALIDATION_REQUESTFILTERVALIDATIONEXCEPTION'],
      [{ filter: [['authorId', 1]] }, 400, 'VALIDATION_REQUESTFILTERVALIDATIONEXCEPTION'],
      [{ filter: [['taskId', 1]], select: ['bogus'] }, 400, 'UNKNOWNDTOPROPERTYEXCEPTION'],
      [
        {
          filter: [
            ['taskId', 1],
            ['nope', 2],
          ],
        },
        400,
        'INVALIDFILTEREXCEPTION',
      ],
      [{ filter: [['taskId', '~', 1]] }, 400, 'UNKNOWNFILTEROPERATOREXCEPTION'],
      [{ filter: [['taskId', 1]], order: { text: 'ASC' } }, 400, 'INVALIDORDEREXCEPTION'],
      [{ filter: [['taskId', 1]], pagination: { limit: -1 } }, 400, 'INVALIDPAGINATIONEXCEPTION'],
      [{ filter: [['taskId', 3]] }, 403, 'ACCESSDENIEDEXCEPTION'],
    ]
    for (const [params, status, code] of cases) {
      const answer = await p.v3('tasks.task.result.list', params)
      expect([answer.status, answer.body.error.code], JSON.stringify(params)).toEqual([status, V3 + code])
    }
  })
})

describe('tasks.task.result.addfromchatmessage and delete', () => {
  it('makes a result, announces it in the chat, and lets only its author delete it', async () => {
    const { AUTH_ID } = await p.token(4)
    const added = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 3000 } }, { auth: AUTH_ID })
    expect(added.status).toBe(200)
    const item = added.body.result.item
    expect(item).toMatchObject({ taskId: 1, authorId: 4, messageId: 3000, status: 'open', updatedAt: null, rights: { edit: true, remove: true } })
    expect(item.createdAt).toMatch(/\+03:00$/)
    const newest = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages[0]
    // tasks/lib/V2/Internal/Integration/Im/Action/NotifyResultFromMessage.php: text only, no CODE, no REPLY_ID.
    expect(newest).toMatchObject({ author_id: 0 })
    expect(newest.text).toMatch(/^\[USER=4\]Дмитрий Соколов\[\/USER\] marked a message as task status summary, \[TIMESTAMP=\d+ FORMAT=LONG_DATE_FORMAT\]\.$/)
    expect(newest.params).toEqual({ NOTIFY: 'N' })
    // Duplicates are allowed, as on real portals.
    const duplicate = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 3000 } }, { auth: AUTH_ID })
    expect(duplicate.status).toBe(200)
    const notAuthor = await p.v3('tasks.task.result.delete', { id: item.id })
    expect([notAuthor.status, notAuthor.body.error.code]).toEqual([403, V3 + 'ACCESSDENIEDEXCEPTION'])
    const deleted = await p.v3('tasks.task.result.delete', { id: item.id }, { auth: AUTH_ID })
    expect(deleted.body.result).toEqual({ result: true })
    const left = (
      await p.v3('tasks.task.result.list', {
        filter: [
          ['taskId', 1],
          ['messageId', 3000],
        ],
        select: ['id'],
      })
    ).body.result.items
    expect(left.map((i: { id: number }) => i.id)).toEqual([duplicate.body.result.item.id])
    const gone = await p.v3('tasks.task.result.delete', { id: item.id }, { auth: AUTH_ID })
    expect([gone.status, gone.body.error.code]).toEqual([400, V3 + 'ENTITYNOTFOUNDEXCEPTION'])
  })

  it('reports the addfromchatmessage validation and permission matrix', async () => {
    const { AUTH_ID } = await p.token(8)
    const cases: [unknown, number, string, string | undefined, string?][] = [
      [{}, 400, 'VALIDATION_REQUESTVALIDATIONEXCEPTION', 'fields'],
      [{ fields: {} }, 400, 'VALIDATION_DTOVALIDATIONEXCEPTION', 'messageId'],
      [{ fields: { messageId: '12' } }, 400, 'VALIDATION_REQUESTVALIDATIONEXCEPTION', 'messageId'],
      [{ fields: { messageId: 12, fileIds: [1] } }, 400, 'VALIDATION_DTOVALIDATIONEXCEPTION', 'fileIds'],
      [{ fields: { messageId: 12, color: 'red' } }, 400, 'UNKNOWNDTOPROPERTYEXCEPTION', 'fields'],
      [{ fields: { messageId: 999_999_999 } }, 400, 'VALIDATION_REQUESTVALIDATIONEXCEPTION', 'messageId'],
      [{ fields: { messageId: 12 } }, 403, 'ACCESSDENIEDEXCEPTION', 'messageId', AUTH_ID],
    ]
    for (const [params, status, code, field, auth] of cases) {
      const answer = await p.v3('tasks.task.result.addfromchatmessage', params, { auth })
      expect([answer.status, answer.body.error.code], JSON.stringify(params)).toEqual([status, V3 + code])
      expect(answer.body.error.validation[0].field).toBe(field)
    }
    const noTarget = await p.v3('tasks.task.result.delete', {})
    expect(noTarget.body.error.validation).toEqual([{ message: 'At least one required field is not filled: `id`, `filter`' }])
  })

  it('replays a write with the same Idempotency-Key and refuses the key with another body', async () => {
    const headers = { 'Idempotency-Key': 'result-4000' }
    const first = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4000 } }, { headers })
    expect(first.status).toBe(200)
    expect(first.headers.get('idempotency-key')).toBe('result-4000')
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    // A retry after a token refresh carries another auth: still the same request.
    const replay = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4000 } }, { headers, auth: (await p.token(1)).AUTH_ID })
    expect(replay.status).toBe(200)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(replay.headers.get('idempotency-key')).toBe('result-4000')
    expect(replay.body).toEqual(first.body)
    const results = (
      await p.v3('tasks.task.result.list', {
        filter: [
          ['taskId', 1],
          ['messageId', 4000],
        ],
        select: ['id'],
      })
    ).body.result.items
    expect(results).toHaveLength(1)
    const reused = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4001 } }, { headers })
    expect([reused.status, reused.body.error.code]).toEqual([422, V3 + 'IDEMPOTENCYKEYREUSEDEXCEPTION'])
    const invalid = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4001 } }, { headers: { 'Idempotency-Key': 'x'.repeat(256) } })
    expect([invalid.status, invalid.body.error.code]).toEqual([400, V3 + 'INVALIDIDEMPOTENCYKEYEXCEPTION'])
  })
})

describe('the right to record results', () => {
  it('lets an auditor read task 1 and its chat but not record a result', async () => {
    const auditor = (await p.token(8)).AUTH_ID
    const task = await p.v3('tasks.task.get', { id: 1, select: ['id', 'rights'] }, { auth: auditor })
    expect(task.status).toBe(200)
    expect(task.body.result.item.rights.createResult).toBe(false)
    const member = await p.v3('tasks.task.get', { id: 1, select: ['id', 'rights'] })
    expect(member.body.result.item.rights.createResult).toBe(true)
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 }, auditor)).status).toBe(200)
    const refused = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 5000 } }, { auth: auditor })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_ACCESSDENIEDEXCEPTION')
  })
})
