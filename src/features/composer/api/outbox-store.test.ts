import { describe, expect, it } from 'vitest'
import { OutboxStore, type OutboxItem, type OutboxStatus } from './outbox-store'

const memory = () => {
  const data = new Map<string, string>()
  return { load: (k: string) => data.get(k) ?? null, save: (k: string, v: string | null) => void (v === null ? data.delete(k) : data.set(k, v)) }
}
const item = (clientId: string, status: OutboxStatus): OutboxItem => ({
  clientId,
  text: clientId,
  replyToId: null,
  asBot: false,
  createdAt: 0,
  status,
  serverId: null,
  baselineId: 0,
  error: null,
  outcomeUnknown: false,
})

describe('the outbox keeps the order typed', () => {
  it('holds a message back while one typed before it failed or waits', () => {
    const store = new OutboxStore('k', memory())
    store.update((s) => ({ ...s, items: [item('a', 'sent'), item('b', 'failed'), item('c', 'waiting'), item('d', 'sending')] }))
    expect(store.blockedBefore('a')).toBe(false)
    expect(store.blockedBefore('b')).toBe(false)
    expect(store.blockedBefore('c')).toBe(true)
    expect(store.blockedBefore('d')).toBe(true)
  })

  it('releases the waiting messages up to the next failed one, once each', () => {
    const store = new OutboxStore('k', memory())
    store.update((s) => ({ ...s, items: [item('a', 'sent'), item('b', 'waiting'), item('c', 'waiting'), item('d', 'failed'), item('e', 'waiting')] }))
    expect(store.takeReleasable().map((i) => i.clientId)).toEqual(['b', 'c'])
    expect(store.get().items.map((i) => i.status)).toEqual(['sent', 'sending', 'sending', 'failed', 'waiting'])
    expect(store.takeReleasable()).toEqual([])
  })

  it('keeps the draft’s mentions across a reload', () => {
    const persistence = memory()
    new OutboxStore('k', persistence).update((s) => ({ ...s, draft: 'Hi @Emily Zhang ', mentions: [{ id: 5, name: 'Emily Zhang' }] }))
    expect(new OutboxStore('k', persistence).get().mentions).toEqual([{ id: 5, name: 'Emily Zhang' }])
  })
})

describe('a send the page went away from', () => {
  it('comes back on its way, its outcome unknown, and is handed out once to be looked for', () => {
    const persistence = memory()
    new OutboxStore('k', persistence).update((s) => ({ ...s, items: [item('a', 'sending'), item('b', 'waiting'), item('c', 'failed')] }))
    const reloaded = new OutboxStore('k', persistence)
    expect(reloaded.get().items.map((i) => [i.clientId, i.status, i.outcomeUnknown])).toEqual([
      ['a', 'sending', true],
      ['b', 'waiting', false],
      ['c', 'failed', false],
    ])
    expect(reloaded.takeInterrupted().map((i) => i.clientId)).toEqual(['a'])
    expect(reloaded.takeInterrupted()).toEqual([])
  })

  it('is not handed out when this page sends it', () => {
    const store = new OutboxStore('k', memory())
    store.update((s) => ({ ...s, items: [item('a', 'sending')] }))
    expect(store.takeInterrupted()).toEqual([])
  })
})
