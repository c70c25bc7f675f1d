/**
 * Inbound webhooks: auth is the path, not a token (local-integrations/local-webhooks.md, "Webhook URL
 * Structure"; REST 3.0 adds /api/: api-reference/rest-v3.md). A call runs as the webhook's owner
 * through the same checks as an app's call.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Answer, usePortal } from './helpers.ts'

const p = usePortal()
let hook: string // <origin>/rest/1/<secret>/
beforeAll(async () => {
  hook = ((await p.raw('/__portal/webhook', { method: 'POST', body: JSON.stringify({ userId: 1 }) })).body as { url: string }).url
})

/** POST a JSON body to a path under the portal origin, the way a script calls a webhook. */
function call(url: string, body: unknown = {}): Promise<Answer> {
  return p.raw(url.slice(p.origin.length), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
}

const v3Hook = (): string => hook.replace('/rest/', '/rest/api/')

describe('inbound webhooks', () => {
  it('hands out a webhook URL for a user', async () => {
    expect(hook).toMatch(new RegExp(`^${p.origin}/rest/1/[0-9a-f]+/$`))
    const unknown = await p.raw('/__portal/webhook', { method: 'POST', body: JSON.stringify({ userId: 999 }) })
    expect(unknown.status).toBe(400)
  })

  it('answers v2 calls as the webhook owner, with or without .json, by POST or GET', async () => {
    const me = await call(`${hook}im.user.get`)
    expect([me.status, me.body.result.id]).toEqual([200, 1])
    expect(typeof me.body.time.start).toBe('number')
    expect((await call(`${hook}im.user.get.json`, { ID: 3 })).body.result.name).toBe('John Carter')
    expect((await p.raw(`${hook.slice(p.origin.length)}im.user.get.json?ID=2`)).body.result.name).toBe('Мария Иванова')
  })

  it('answers v3 calls on /rest/api/<userId>/<secret>/<method>', async () => {
    const task = await call(`${v3Hook()}tasks.task.get`, { id: 1, select: ['id', 'chatId'] })
    expect([task.status, task.body.result.item.id, task.body.result.item.chatId]).toEqual([200, 1, 1001])
  })

  // _includes/system-errors.md: 401 INVALID_CREDENTIALS "Invalid request credentials", no active
  // webhook with that user id and secret; api-reference/chats/im-chat-get.md shows the same with 401.
  it('refuses a wrong secret, or a right secret under another user id, with INVALID_CREDENTIALS', async () => {
    const expected = [401, 'INVALID_CREDENTIALS', 'Invalid request credentials']
    const wrong = await call(`${p.origin}/rest/1/not-the-secret/im.user.get`)
    expect([wrong.status, wrong.body.error, wrong.body.error_description]).toEqual(expected)
    const otherUser = await call(hook.replace('/rest/1/', '/rest/2/') + 'im.user.get')
    expect([otherUser.status, otherUser.body.error, otherUser.body.error_description]).toEqual(expected)
    const v3 = await call(`${p.origin}/rest/api/1/not-the-secret/tasks.task.get`, { id: 1 })
    expect([v3.status, v3.body.error]).toEqual([401, 'INVALID_CREDENTIALS'])
  })

  // api-reference/widgets/placement-bind.md (and placement-get/-unbind/-list): "Application context
  // required", 403 WRONG_AUTH_TYPE; widgets/task/index.md: "a placement cannot be bound with a webhook".
  it('refuses methods that need the application context with WRONG_AUTH_TYPE', async () => {
    for (const method of ['placement.bind', 'placement.get']) {
      const answer = await call(`${hook}${method}`, { PLACEMENT: 'TASK_VIEW_TAB', HANDLER: 'https://example.com/' })
      expect([answer.status, answer.body.error]).toEqual([403, 'WRONG_AUTH_TYPE'])
    }
  })

  it('sees only what its owner may: user 1 cannot open task 3', async () => {
    expect((await call(`${hook}tasks.task.get`, { taskId: 3 })).body.result).toEqual([])
    const chat = await call(`${hook}im.dialog.messages.get`, { DIALOG_ID: 'chat1003' })
    expect([chat.status, chat.body.error]).toEqual([403, 'ACCESS_ERROR'])
  })

  it('is held to the portal scopes and rate limit like any caller', async () => {
    p.portal.setConditions({ scopes: ['task', 'tasks'] })
    const scoped = await call(`${hook}im.user.get`)
    expect([scoped.status, scoped.body.error]).toEqual([403, 'insufficient_scope'])
    p.portal.setConditions({ scopes: ['task', 'tasks', 'im', 'imbot', 'placement', 'user_brief'], rateLimit: true, rateBurst: 2, rateDrainPerS: 0 })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await call(`${hook}im.user.get`)).status)
    expect(statuses.slice(-1)).toEqual([503])
    p.portal.reset()
  })
})
