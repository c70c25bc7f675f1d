/** The HTTP layer and reality switches: CORS, envelopes, auth, rate limit, failures, latency, legacy mode. */
import { describe, expect, it } from 'vitest'
import { expectTime, usePortal } from './helpers.ts'

const p = usePortal({
  hostHandler: (_req, url) => (url.pathname === '/hello' ? { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'host page' } : null),
})

describe('HTTP and envelopes', () => {
  it('answers the CORS preflight the browser sends before a JSON POST', async () => {
    const answer = await p.raw('/rest/im.message.add', {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('access-control-allow-methods')).toBe('POST, GET, OPTIONS')
    // rest/classes/general/rest_util.php (CRestUtil::sendHeaders): no Idempotency-Key from another origin (write-faults.test.ts).
    expect(answer.headers.get('access-control-allow-headers')).toBe('origin, content-type, accept')
    expect(answer.headers.get('access-control-expose-headers')).toBe('Idempotency-Key, Idempotent-Replayed')
  })

  it('puts CORS headers and a full time object on REST answers', async () => {
    const answer = await p.v2('user.current')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('content-type')).toMatch(/application\/json/)
    expectTime(answer.body.time)
    expect(answer.body.time.operating).toBe(0)
    expect(answer.body.result.ID).toBe('1')
  })

  it('matches method names case-insensitively and accepts a .json suffix', async () => {
    expect((await p.v2('IM.USER.GET', { ID: 2 })).body.result.name).toBe('Мария Иванова')
    expect((await p.v2('im.user.get.json', { ID: 3 })).body.result.name).toBe('John Carter')
  })

  it('reads v2 parameters from a form body and from the query string', async () => {
    const { AUTH_ID } = await p.token(1)
    const form = await p.raw('/rest/im.user.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `ID=5&auth=${AUTH_ID}`,
    })
    expect(form.body.result.first_name).toBe('Emily')
    const get = await p.raw(`/rest/im.user.list.get?ID[]=4&ID[]=6&RESULT_TYPE=array&auth=${AUTH_ID}`)
    expect(get.body.result.map((u: { id: number }) => u.id)).toEqual([4, 6])
  })

  it('reports unknown methods in the envelope of each version', async () => {
    const v2 = await p.v2('no.such.method')
    expect(v2.status).toBe(404)
    expect(v2.body).toEqual({ error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' })
    const v3only = await p.v2('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'x' } })
    expect(v3only.status).toBe(404)
    expect(v3only.body.error).toBe('ERROR_METHOD_NOT_FOUND')
    const v3 = await p.v3('no.such.method', {})
    expect(v3.status).toBe(404)
    expect(v3.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_METHODNOTFOUNDEXCEPTION')
  })

  it('refuses a non-JSON body on REST 3.0', async () => {
    const { AUTH_ID } = await p.token(1)
    const answer = await p.raw('/rest/api/tasks.task.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `id=1&auth=${AUTH_ID}`,
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION')
  })

  it('serves avatars and message files, and hands other paths to the host page', async () => {
    const avatar = await p.raw('/upload/avatar/1.svg')
    expect(avatar.status).toBe(200)
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml')
    expect(String(avatar.body)).toContain('<svg')
    expect((await p.raw('/upload/avatar/3.svg')).status).toBe(404)
    const page = await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50, LAST_ID: 5000 })
    const url = new URL(page.body.result.files[0]?.urlDownload ?? p.origin + '/upload/file/1/x.png')
    // The file pages' login gate has its own suite (file-download.test.ts); here the route itself.
    p.portal.setConditions({ fileLoginGate: false })
    const file = await fetch(url)
    p.portal.setConditions({ fileLoginGate: true })
    expect(file.status).toBe(200)
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(10)
    const host = await p.raw('/hello')
    expect(host.body).toBe('host page')
    expect((await p.raw('/nothing-here')).status).toBe(404)
  })
})

describe('auth', () => {
  it('answers 401 NO_AUTH_FOUND without a token and invalid_token for an unknown one', async () => {
    const none = await p.raw('/rest/user.current', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(none.status).toBe(401)
    expect(none.body).toEqual({ error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' })
    const unknown = await p.v2('user.current', {}, 'not-a-token')
    expect(unknown.status).toBe(401)
    expect(unknown.body.error).toBe('invalid_token')
    const v3 = await p.v3('tasks.task.get', { id: 1 }, { auth: 'not-a-token' })
    expect(v3.status).toBe(401)
    expect(v3.body.error).toBe('invalid_token')
  })

  it('expires tokens after tokenTtlS and works again after a refresh that rotates the token', async () => {
    const tokens = await p.token(2)
    expect(tokens.AUTH_EXPIRES).toBe(3600)
    expect(tokens.MEMBER_ID).toBe(p.portal.memberId)
    await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ tokenTtlS: 0.2 }) })
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      const expired = await p.v2('user.current', {}, tokens.AUTH_ID)
      expect(expired.status).toBe(401)
      expect(expired.body).toEqual({ error: 'expired_token', error_description: 'The access token provided has expired.' })
      const v3 = await p.v3('tasks.task.get', { id: 1 }, { auth: tokens.AUTH_ID })
      expect(v3.status).toBe(401)
      expect(v3.body.error).toBe('expired_token')
      // The refreshed token lives an hour: with 0.2 s, a slow machine saw it expire before its first use.
      await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ tokenTtlS: 3600 }) })
      const refreshed = await p.raw('/__portal/refresh', { method: 'POST', body: JSON.stringify({ refreshId: tokens.REFRESH_ID }) })
      expect(refreshed.status).toBe(200)
      expect(refreshed.body.AUTH_ID).not.toBe(tokens.AUTH_ID)
      const ok = await p.v2('user.current', {}, refreshed.body.AUTH_ID)
      expect(ok.status).toBe(200)
      expect(ok.body.result.ID).toBe('2')
      // Rotation: the old refresh token is spent.
      const again = await p.raw('/__portal/refresh', { method: 'POST', body: JSON.stringify({ refreshId: tokens.REFRESH_ID }) })
      expect(again.status).toBe(400)
      expect(again.body).toEqual({ error: 'invalid_grant' })
    } finally {
      await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ tokenTtlS: 3600 }) })
    }
  })

  it('makes the old access token invalid after a refresh', async () => {
    const tokens = await p.token(3)
    const next = p.portal.refresh(tokens.REFRESH_ID)
    expect(next).not.toBeNull()
    expect((await p.v2('user.current', {}, tokens.AUTH_ID)).body.error).toBe('invalid_token')
    expect((await p.v2('user.current', {}, next?.AUTH_ID)).status).toBe(200)
  })
})

describe('reality switches', () => {
  it('returns 503 QUERY_LIMIT_EXCEEDED past a burst of 50, and counts a batch once', async () => {
    p.portal.setConditions({ rateLimit: true, rateLimitScope: 'token' })
    try {
      const { AUTH_ID } = await p.token(1)
      const batch = await p.v2('batch', { halt: 0, cmd: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`u${i}`, 'user.current'])) }, AUTH_ID)
      expect(batch.status).toBe(200)
      const statuses: number[] = []
      for (let i = 0; i < 52; i++) statuses.push((await p.v2('user.current', {}, AUTH_ID)).status)
      expect(statuses.slice(0, 49).every((s) => s === 200)).toBe(true)
      expect(statuses.slice(50)).toEqual([503, 503])
      const limited = await p.v2('user.current', {}, AUTH_ID)
      expect(limited.body).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' })
      // With the kinder 'token' switch another token (another tab) has its own bucket (rate-limit.test.ts: by default it has not).
      expect((await p.v2('user.current', {}, (await p.token(1)).AUTH_ID)).status).toBe(200)
    } finally {
      p.portal.setConditions({ rateLimit: false, rateLimitScope: 'address' })
    }
  })

  it('takes a smaller bucket from the switches, so a test can reach the limit in one request', async () => {
    p.portal.setConditions({ rateLimit: true, rateBurst: 1, rateDrainPerS: 0.01 })
    try {
      const { AUTH_ID } = await p.token(1)
      expect((await p.v2('user.current', {}, AUTH_ID)).status).toBe(200)
      const second = await p.v2('user.current', {}, AUTH_ID)
      expect(second.status).toBe(503)
      expect(second.body.error).toBe('QUERY_LIMIT_EXCEEDED')
    } finally {
      p.portal.setConditions({ rateLimit: false, rateBurst: 50, rateDrainPerS: 2 })
    }
  })

  it('can share one bucket among all tokens of a user', async () => {
    p.portal.setConditions({ rateLimit: true, rateBurst: 2, rateDrainPerS: 0.01, rateLimitScope: 'user' })
    try {
      const [a, b] = [(await p.token(3)).AUTH_ID, (await p.token(3)).AUTH_ID]
      expect((await p.v2('user.current', {}, a)).status).toBe(200)
      expect((await p.v2('user.current', {}, b)).status).toBe(200)
      expect((await p.v2('user.current', {}, a)).status).toBe(503)
      expect((await p.v2('user.current', {}, (await p.token(4)).AUTH_ID)).status).toBe(200)
    } finally {
      p.portal.setConditions({ rateLimit: false, rateBurst: 50, rateDrainPerS: 2, rateLimitScope: 'address' })
    }
  })

  it('answers insufficient_scope for methods outside the installed scopes, in both envelopes and in batch rows', async () => {
    const set = await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ scopes: ['task', 'tasks', 'placement'] }) })
    expect(set.body.scopes).toEqual(['task', 'tasks', 'placement'])
    try {
      const v2 = await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001' })
      expect(v2.status).toBe(403)
      expect(v2.body.error).toBe('insufficient_scope')
      const batch = await p.v2('batch', { halt: 0, cmd: { task: 'tasks.task.get?taskId=1', page: 'im.v2.Chat.Message.tail?chatId=1001' } })
      expect(batch.body.result.result.task.task.id).toBe('1')
      expect(batch.body.result.result_error.page.error).toBe('insufficient_scope')
      p.portal.setConditions({ scopes: ['task', 'im'] })
      const v3 = await p.v3('tasks.task.get', { id: 1 })
      expect(v3.status).toBe(403)
      expect(v3.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_INSUFFICIENTSCOPEEXCEPTION')
    } finally {
      p.portal.setConditions({ scopes: ['task', 'tasks', 'im', 'imbot', 'placement', 'user_brief'] })
    }
  })

  it('injects 500 INTERNAL_SERVER_ERROR without performing the action', async () => {
    const conditions = await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ failureRate: 1 }) })
    expect(conditions.body.failureRate).toBe(1)
    const before = p.portal.getTask(6)
    try {
      const v2 = await p.v2('im.message.add', { DIALOG_ID: 'chat1006', MESSAGE: 'should not land' })
      expect(v2.status).toBe(500)
      expect(v2.body).toEqual({ error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' })
      const v3 = await p.v3('tasks.task.get', { id: 1 })
      expect(v3.status).toBe(500)
      expect(v3.body.error.code).toBe('INTERNAL_SERVER_ERROR')
    } finally {
      p.portal.setConditions({ failureRate: 0 })
    }
    expect(before?.chatId).toBe(1006)
    const page = await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1006' })
    expect(page.body.result.messages).toEqual([])
    // A rate of 0.5 fails some calls and not others, the same way on every run.
    p.portal.setConditions({ failureRate: 0.5 })
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await p.v2('user.current')).status)
    p.portal.setConditions({ failureRate: 0 })
    expect(statuses).toContain(500)
    expect(statuses).toContain(200)
  })

  it('delays REST answers by latencyMs', async () => {
    p.portal.setConditions({ latencyMs: 150 })
    const started = Date.now()
    await p.v2('user.current')
    const elapsed = Date.now() - started
    p.portal.setConditions({ latencyMs: 0 })
    expect(elapsed).toBeGreaterThanOrEqual(140)
  })

  it('has no im.v2.Chat.Message.tail in legacy mode', async () => {
    const conditions = await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ legacyIm: true }) })
    expect(conditions.body).toMatchObject({ latencyMs: 0, failureRate: 0, legacyIm: true, tokenTtlS: 3600, rateLimit: false })
    const legacy = await p.v2('im.v2.Chat.Message.tail', { chatId: 1001 })
    expect(legacy.status).toBe(404)
    expect(legacy.body.error).toBe('ERROR_METHOD_NOT_FOUND')
    expect((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001' })).status).toBe(200)
    await p.raw('/__portal/conditions', { method: 'POST', body: JSON.stringify({ legacyIm: false }) })
    expect((await p.raw('/__portal/conditions')).body.legacyIm).toBe(false)
    expect((await p.v2('im.v2.Chat.Message.tail', { chatId: 1001 })).status).toBe(200)
  })
})
