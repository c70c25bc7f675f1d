import { QueryClientProvider } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTaskCard, type FramedApp } from '../../../test/dom/frame-harness'

let app: FramedApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** The task's conversation as the screen holds it: the real SDK against an in-process portal. */
async function openConversation(taskId: number) {
  vi.resetModules()
  const { connectToPortal } = await import('../../b24/connect')
  const { createQueryClient } = await import('../../platform/query-client')
  const { PortalClientContext } = await import('../../platform/portal-context')
  const { useConversation } = await import('./use-conversation')
  const session = await connectToPortal()
  const queryClient = createQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <PortalClientContext.Provider value={session.client}>{children}</PortalClientContext.Provider>
    </QueryClientProvider>
  )
  const hook = renderHook(() => useConversation(taskId), { wrapper })
  await waitFor(() => expect(hook.result.current.conversation).toBeDefined(), { timeout: 20_000 })
  return hook
}

describe("the conversation's handle", () => {
  it('names the chat and the viewer once the conversation has opened', async () => {
    app = await openTaskCard({ taskId: 1, userId: 1 })
    const { result } = await openConversation(1)
    const { handle } = result.current
    expect(handle.taskId).toBe(1)
    expect(handle.chatId).toBe(app.portal.getTask(1)!.chatId)
    expect(handle.viewer.userId).toBe(1)
  })

  it('asks the live poll to look soon only while one watches the chat, calling it directly', async () => {
    app = await openTaskCard({ taskId: 1 })
    const { result } = await openConversation(1)
    const { handle } = result.current
    // No live poll yet (the first frame, or a task without a chat): nothing to ask, and no error.
    expect(() => handle.pollSoon()).not.toThrow()
    const pollNow = vi.fn()
    const disconnect = handle.connectPoller(pollNow)
    handle.pollSoon()
    expect(pollNow).toHaveBeenCalledTimes(1)
    disconnect()
    handle.pollSoon()
    expect(pollNow).toHaveBeenCalledTimes(1)
  })

  it('writes into the one cache and reads it as it is now, with functions that keep their identity', async () => {
    app = await openTaskCard({ taskId: 1 })
    const { result } = await openConversation(1)
    const before = result.current.handle
    const newest = before
      .cachedRuns()
      .flatMap((run) => run.messages)
      .at(-1)!
    before.writeChanged({ ...newest, text: 'Changed here' })
    // Read through the handle at once, before any render: what was written is there.
    expect(before.cachedMessage(newest.id)?.text).toBe('Changed here')
    await waitFor(() => expect(result.current.messagesById.get(newest.id)?.text).toBe('Changed here'))
    const after = result.current.handle
    expect(after.cachedMessage).toBe(before.cachedMessage)
    expect(after.writeSent).toBe(before.writeSent)
    expect(after.pollSoon).toBe(before.pollSoon)
    expect(after.land).toBe(before.land)
  })
})
