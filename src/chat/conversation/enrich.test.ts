import { QueryClient } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import type { FramedApp } from '../../../test/dom/frame-harness'
import type { Params, PortalClient } from '../../b24/portal-client'
import type { Conversation } from './conversation'

// The app's own readers against the local portal (in-process, through the real SDK and frame
// protocol): im.dialog.messages.get keeps no REPLY_ID, so a reply it brings is re-read through search.

const card = taskCardPerTest()

interface Call {
  method: string
  params: Params
}

/** Fresh modules (the SDK keeps one frame per page; the enrich state is per page), a client that notes what it asks. */
async function connect() {
  vi.resetModules()
  const { connectToPortal } = await import('../../b24/connect')
  const api = { ...(await import('./history-api')), ...(await import('./open-conversation')) }
  const queries = await import('./conversation-queries')
  const { historySource } = await import('./history-source')
  const session = await connectToPortal()
  const calls: Call[] = []
  const real = session.client
  const client: PortalClient = {
    ...real,
    callV2: (method, params = {}) => {
      calls.push({ method, params })
      return real.callV2(method, params)
    },
    batchV2: (rows) => {
      for (const [method, params] of Object.values(rows)) calls.push({ method: `batch:${method}`, params })
      return real.batchV2(rows)
    },
  }
  const queryClient = new QueryClient()
  const conversation = () => queryClient.getQueryData<Conversation>(queries.conversationKey(1))!
  const message = (id: number) =>
    conversation()
      .runs.flatMap((r) => r.messages)
      .find((m) => m.id === id)
  const open = async () => queryClient.setQueryData(queries.conversationKey(1), await api.openConversation(client, 1))
  const chatId = () => conversation().chatId!
  const liveTo = () => conversation().runs.find((r) => r.live)!.to
  /** A live poll as use-live-poll makes it: get, FIRST_ID above the live end, landed. */
  const poll = async () => queries.landRead(queryClient, client, 1, chatId(), await api.fetchNewerPage(client, chatId(), liveTo()))
  const searches = () => calls.filter((c) => c.method === 'im.dialog.messages.search')
  return { api, queries, queryClient, client, calls, searches, open, message, chatId, poll, historySource }
}

/** User 2 posts to task 1's chat (im.message.add, v2), a reply when `replyTo` is given. */
async function post(card: FramedApp, text: string, replyTo?: number): Promise<number> {
  const chatId = card.portal.getTask(1)!.chatId!
  return card.rest<number>('im.message.add', { DIALOG_ID: `chat${chatId}`, MESSAGE: text, ...(replyTo ? { REPLY_ID: replyTo } : {}) }, 2)
}

/** An older message of the opening page to reply to (a person's, not deleted). */
const anOriginal = (c: Conversation) => c.runs.flatMap((r) => r.messages).find((m) => m.authorId > 0 && !m.isDeleted)!

describe('a reply first read through im.dialog.messages.get gets its quote from search', () => {
  it('a reply arriving through a live poll: one search for exactly its range, none for an empty poll', async () => {
    const app = await card.open({ taskId: 1 })
    const t = await connect()
    await t.open()
    const original = anOriginal(t.queryClient.getQueryData(t.queries.conversationKey(1))!)
    const replyId = await post(app, 'About that one', original.id)
    t.calls.length = 0
    await t.poll()
    await waitFor(() => expect(t.message(replyId)?.replyToId).toBe(original.id), { timeout: 5_000 })
    expect(t.searches().map((c) => c.params)).toEqual([{ CHAT_ID: t.chatId(), LIMIT: 1, ORDER: { ID: 'DESC' }, LAST_ID: replyId + 1 }])

    // A poll that brings nothing new, and the newest page re-read (get, no REPLY_ID), cost no search and keep the quote.
    await t.poll()
    t.queries.landRead(t.queryClient, t.client, 1, t.chatId(), await t.api.fetchNewestPage(t.client, t.chatId()))
    await t.poll() // the pacer's queue has gone past anything the re-read could have started
    expect(t.searches()).toHaveLength(1)
    expect(t.message(replyId)?.replyToId).toBe(original.id)
  })

  it('no search for what the opening read through search', async () => {
    await card.open({ taskId: 1 })
    const t = await connect()
    await t.open()
    const page = t.calls.filter((c) => c.method === 'batch:im.dialog.messages.search')
    expect(page).toHaveLength(1)
    // The same messages read again through get (the newest page): known, so nothing to learn.
    t.queries.landRead(t.queryClient, t.client, 1, t.chatId(), await t.api.fetchNewestPage(t.client, t.chatId()))
    await t.queries.enrichConversation(t.queryClient, t.client, 1, t.chatId())
    expect(t.searches()).toEqual([])
  })

  it('a reply in a jump window: the window itself is read through search, in one batch', async () => {
    const app = await card.open({ taskId: 1 })
    const t = await connect()
    await t.open()
    const original = anOriginal(t.queryClient.getQueryData(t.queries.conversationKey(1))!)
    const replyId = await post(app, 'Far back now', original.id)
    for (let i = 0; i < 60; i++) await post(app, `later ${i}`)
    t.calls.length = 0
    const read = await t.api.fetchWindowAround(t.client, t.chatId(), replyId)
    t.queries.landRead(t.queryClient, t.client, 1, t.chatId(), read)
    expect(t.message(replyId)?.replyToId).toBe(original.id)
    expect(t.calls.map((c) => c.method)).toEqual(['batch:im.dialog.messages.search', 'batch:im.dialog.messages.search'])
    // The newer page after the window comes through get: its messages are re-read through search, once.
    const after = await t.api.fetchNewerPage(t.client, t.chatId(), read.run.to)
    t.queries.landRead(t.queryClient, t.client, 1, t.chatId(), after)
    await waitFor(() => expect(t.searches()).toHaveLength(1), { timeout: 5_000 })
    expect(t.searches()[0]!.params).toMatchObject({ LAST_ID: after.run.messages.at(-1)!.id + 1, LIMIT: after.run.messages.length })
  })

  it('a reply in the unread run: re-read through search after the opening, not in its batch', async () => {
    const app = await card.open({ taskId: 1 })
    const chatId = app.portal.getTask(1)!.chatId!
    const t0 = await connect()
    await t0.open()
    const original = anOriginal(t0.queryClient.getQueryData(t0.queries.conversationKey(1))!)
    const newest = t0.queryClient.getQueryData<Conversation>(t0.queries.conversationKey(1))!.runs.at(-1)!.to
    app.portal.setReadMark(chatId, 1, newest)
    const replyId = await post(app, 'Unread reply', original.id)
    for (let i = 0; i < 60; i++) await post(app, `unread ${i}`)

    const t = await connect()
    await t.open()
    // The opening batch stays as it was: one search (the newest page), the unread run through get.
    expect(t.calls.map((c) => c.method).filter((m) => m.includes('search'))).toEqual(['batch:im.dialog.messages.search'])
    expect(t.message(replyId)?.replyToId).toBeNull()
    // Only the part of the unread run the newest page did not cover: from the reply up to that page.
    const runs = t.queryClient.getQueryData<Conversation>(t.queries.conversationKey(1))!.runs
    const { OPENING_PAGE } = t.api
    await t.queries.enrichConversation(t.queryClient, t.client, 1, chatId)
    expect(t.message(replyId)?.replyToId).toBe(original.id)
    const uncovered = runs
      .flatMap((r) => r.messages)
      .filter((m) => m.id >= replyId)
      .slice(0, -OPENING_PAGE)
    expect(uncovered.length).toBeGreaterThan(0)
    expect(t.searches().map((c) => c.params)).toEqual([{ CHAT_ID: chatId, LIMIT: uncovered.length, ORDER: { ID: 'DESC' }, LAST_ID: uncovered.at(-1)!.id + 1 }])
  })

  it('a refused search is remembered, and enriching stops', async () => {
    const app = await card.open({ taskId: 1 })
    const t = await connect()
    await t.open()
    app.portal.setConditions({ methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND' }] })
    const original = anOriginal(t.queryClient.getQueryData(t.queries.conversationKey(1))!)
    await post(app, 'First reply', original.id)
    await t.poll()
    await waitFor(() => expect(t.historySource()).toBe('get'), { timeout: 5_000 })
    expect(t.searches()).toHaveLength(1)
    await post(app, 'Second reply', original.id)
    await t.poll()
    await t.queries.enrichConversation(t.queryClient, t.client, 1, t.chatId())
    expect(t.searches()).toHaveLength(1)
  })
})
