/**
 * The request limit's bucket (settings/performance/limits.md, "Request Rate Limits"): a leaky bucket
 * (50, draining 2 a second) that Bitrix24 keeps per portal and source address: "Bitrix24 considers
 * the IP address of the request source. If several applications on a single server work with the same
 * Bitrix24, they share a common request rate limit." So every tab, every user and the inbound
 * webhooks behind one address draw on one bucket; another address has its own.
 */
import { describe, expect, it } from 'vitest'
import { LocalPortal } from '../portal.ts'
import { freshDataDir, usePortal } from './helpers.ts'

// A bucket that never drains during a test: what fills it is exactly what the test sent.
const p = usePortal({ conditions: { rateLimit: true, rateDrainPerS: 0 }, resetEachTest: true })

describe('one bucket per source address (the default)', () => {
  it('is shared by every tab and every user behind one address', async () => {
    const tabs = [(await p.token(1)).AUTH_ID, (await p.token(1)).AUTH_ID, (await p.token(2)).AUTH_ID]
    const statuses: number[] = []
    for (let i = 0; i < 50; i++) statuses.push((await p.v2('user.current', {}, tabs[i % 3])).status)
    expect(statuses.every((s) => s === 200)).toBe(true)
    for (const tab of tabs) {
      const refused = await p.v2('user.current', {}, tab)
      expect([refused.status, refused.body]).toEqual([503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }])
    }
    // v3 counts against the same bucket.
    expect((await p.v3('tasks.task.get', { id: 1 }, { auth: tabs[0] })).status).toBe(503)
  })

  it('is shared with the inbound webhooks called from the same address', async () => {
    const hook = await p.raw('/__portal/webhook', { method: 'POST', body: JSON.stringify({ userId: 1 }) })
    expect(hook.status).toBe(200)
    for (let i = 0; i < 50; i++) await p.v2('user.current')
    const url = `${(hook.body as { url: string }).url.slice(p.origin.length)}user.current`
    const viaHook = await p.raw(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect([viaHook.status, viaHook.body.error]).toEqual([503, 'QUERY_LIMIT_EXCEEDED'])
  })
})

describe('in process', () => {
  const portal = new LocalPortal({ dataDir: freshDataDir(), conditions: { rateLimit: true, rateBurst: 2, rateDrainPerS: 0 } })
  const call = (auth: string, address?: string) =>
    portal.handleRest({ version: 'v2', method: 'user.current', params: { auth }, origin: 'http://portal.test', address }).status

  it('counts a call without an address as 127.0.0.1, and an IPv4 peer seen over IPv6 as the same address', () => {
    const [a, b] = [portal.issueToken(1).AUTH_ID, portal.issueToken(2).AUTH_ID]
    expect([call(a), call(b, '127.0.0.1'), call(a, '::ffff:127.0.0.1')]).toEqual([200, 200, 503])
    // Another address (another office) has a bucket of its own.
    expect([call(a, '203.0.113.7'), call(b, '203.0.113.7'), call(b, '203.0.113.7')]).toEqual([200, 200, 503])
  })

  it('keeps the kinder buckets as switches: per token (each tab its own) and per user', () => {
    portal.reset()
    portal.setConditions({ rateLimitScope: 'token' })
    const tabs = [portal.issueToken(1).AUTH_ID, portal.issueToken(1).AUTH_ID]
    expect([call(tabs[0]!), call(tabs[0]!), call(tabs[0]!), call(tabs[1]!)]).toEqual([200, 200, 503, 200])
    portal.reset()
    portal.setConditions({ rateLimitScope: 'user' })
    expect([call(tabs[0]!), call(tabs[1]!), call(tabs[0]!), call(portal.issueToken(2).AUTH_ID)]).toEqual([200, 200, 503, 200])
  })
})
