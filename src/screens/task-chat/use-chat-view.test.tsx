import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import { countingRoundTrips } from '../../../test/dom/counting-client'
import type { Conditions } from '../../../test/portal/conditions'

// Where the reader is in task 1's conversation, through the view's public handle: the real
// conversation cache, the real SDK and the in-process portal answering the reads.
const card = taskCardPerTest()
const BOOT = { timeout: 20_000 }

/**
 * Opens task 1's conversation with one message of user 2 far behind the newest page (120 newer
 * after it, all read), and the view over it, as the screen holds them.
 */
async function openView(conditions: Partial<Conditions> = {}) {
  const app = await card.open({ taskId: 1 }, { rateLimit: false, ...conditions })
  const chatId = app.portal.getTask(1)!.chatId!
  const farBack = await app.post('Far back now', 2)
  let newest = farBack
  for (let i = 0; i < 120; i++) newest = await app.post(`later ${i}`, 2)
  app.portal.setReadMark(chatId, 1, newest)

  vi.resetModules() // the SDK keeps one frame per page: each test is a new page
  const { connectToPortal } = await import('../../b24/connect')
  const { createQueryClient } = await import('../../platform/query-client')
  const { PortalClientContext } = await import('../../platform/portal-context')
  const { useConversation } = await import('../../chat/conversation/use-conversation')
  const { useChatView } = await import('./use-chat-view')
  const { client, trips } = countingRoundTrips((await connectToPortal()).client)
  const queryClient = createQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <PortalClientContext.Provider value={client}>{children}</PortalClientContext.Provider>
    </QueryClientProvider>
  )
  const hook = renderHook(
    () => {
      const { conversation, handle } = useConversation(1)
      const runs = conversation?.runs ?? []
      return { runs, view: useChatView(handle, runs) }
    },
    { wrapper },
  )
  await waitFor(() => expect(hook.result.current.runs).not.toHaveLength(0), BOOT)
  trips.length = 0
  const view = () => hook.result.current.view
  const shown = () => view().run.messages.map((m) => m.id)
  return { app, chatId, farBack, newest, trips, view, shown, runs: () => hook.result.current.runs }
}

describe('the chat view', () => {
  it('opens on the live run, at "New messages" until the reader moves', async () => {
    const t = await openView()
    expect(t.view().run.live).toBe(true)
    expect(t.view().key).toBe('live')
    expect(t.view().opening).toBe(true)
    expect(t.shown().at(-1)).toBe(t.newest)
    expect(t.shown()).not.toContain(t.farBack)
    act(() => t.view().toLatest())
    expect(t.view().opening).toBe(false)
    expect(t.view().key).toBe('live')
  })

  it('going to a message on screen only focuses it: no read, the list stays', async () => {
    const t = await openView()
    const onScreen = t.shown().at(-5)!
    act(() => t.view().go(onScreen))
    expect(t.view().focus).toBe(onScreen)
    expect(t.view().key).toBe('live')
    expect(t.view().seeking).toBe(false)
    act(() => t.view().focused())
    expect(t.view().focus).toBeNull()
    expect(t.trips).toEqual([])
  })

  it('going far back reads the window around the message in one round trip, shows its run and focuses it; "Jump to latest" returns without reading', async () => {
    const t = await openView()
    act(() => t.view().go(t.farBack))
    expect(t.view().seeking).toBe(true)
    expect(t.view().failed).toBeNull()
    await waitFor(() => expect(t.view().seeking).toBe(false), BOOT)
    expect(t.trips).toEqual(['batch'])
    expect(t.view().key).toBe(`at-${t.farBack}`)
    expect(t.view().focus).toBe(t.farBack)
    expect(t.view().run.live).toBe(false)
    expect(t.shown()).toContain(t.farBack)
    expect(t.view().opening).toBe(false)

    // Going again to a message of that run reads nothing more.
    act(() => t.view().go(t.farBack))
    expect(t.trips).toEqual(['batch'])

    act(() => t.view().toLatest())
    expect(t.view().key).toBe('live')
    expect(t.view().focus).toBeNull()
    expect(t.shown().at(-1)).toBe(t.newest)
    expect(t.trips).toEqual(['batch'])
  })

  it('a message the window does not hold (another chat’s) is said missing, and Cancel clears it', async () => {
    const t = await openView()
    const elsewhere = await t.app.post('In another task’s chat', 1, `chat${t.app.portal.getTask(6)!.chatId!}`)
    act(() => t.view().go(elsewhere))
    await waitFor(() => expect(t.view().failed).not.toBeNull(), BOOT)
    expect(t.view().failed).toMatchObject({ kind: 'not-found' })
    expect(t.view().seeking).toBe(false)
    expect(t.view().key).toBe('live')
    act(() => t.view().cancel())
    expect(t.view().failed).toBeNull()
    expect(t.view().seeking).toBe(false)
    expect(t.view().key).toBe('live')
  })

  it('a failed read is offered again: Retry reads the window and goes there', async () => {
    const t = await openView()
    t.app.portal.setConditions({ methodFaults: [{ method: 'batch', error: 'insufficient_scope' }] })
    act(() => t.view().go(t.farBack))
    await waitFor(() => expect(t.view().failed).not.toBeNull(), BOOT)
    expect(t.view().seeking).toBe(false)
    expect(t.view().key).toBe('live')
    t.app.portal.setConditions({ methodFaults: [] })
    act(() => t.view().retry())
    await waitFor(() => expect(t.view().key).toBe(`at-${t.farBack}`), BOOT)
    expect(t.view().failed).toBeNull()
    expect(t.view().focus).toBe(t.farBack)
  })

  it('cancelled on its way, the window still lands in the conversation, but the view stays where it was', async () => {
    const t = await openView()
    act(() => {
      t.view().go(t.farBack)
      t.view().cancel()
    })
    expect(t.view().seeking).toBe(false)
    // The read lands in the cache (a run of its own beside the live one)...
    await waitFor(() => expect(t.runs().some((run) => run.messages.some((m) => m.id === t.farBack))).toBe(true), BOOT)
    // ...and the reader is not taken there.
    expect(t.view().key).toBe('live')
    expect(t.view().focus).toBeNull()
    expect(t.view().failed).toBeNull()
  })
})
