import { render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import type { FramedApp } from '../../../test/dom/frame-harness'

const card = taskCardPerTest()

async function newestMessage(app: FramedApp, chatId: number): Promise<{ id: number; date: string }> {
  return (await app.rest<{ messages: { id: number; date: string }[] }>('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 1 })).messages[0]!
}

/** The first frame as main.tsx starts it: the handshake, the opening batch asked at once, then rendered, with no query cache yet. */
async function renderFirstFrame(taskId: number, onShown: () => void) {
  vi.resetModules()
  const { connectToPortal } = await import('../../b24/connect')
  const { PortalClientContext } = await import('../../platform/portal-context')
  const { prefetchOpening } = await import('./prefetch-opening')
  const { FirstFrame } = await import('./first-frame')
  const session = await connectToPortal()
  prefetchOpening(session)
  render(
    <PortalClientContext.Provider value={session.client}>
      <FirstFrame taskId={taskId} onShown={onShown} />
    </PortalClientContext.Provider>,
  )
}

describe('the first frame', () => {
  it('shows the newest messages, busy and out of reach, and asks for the screen once they are shown', async () => {
    const app = await card.open({ taskId: 1 })
    const onShown = vi.fn()
    await renderFirstFrame(1, onShown)
    const articles = await screen.findAllByRole('article', {}, { timeout: 20_000 })
    const feed = screen.getByRole('feed', { name: 'Task chat' })
    expect(feed).toHaveAttribute('aria-busy', 'true')
    // Nothing in it can be used before the screen replaces it.
    expect(feed.closest('[inert]')).not.toBeNull()
    // The newest message of the chat is the last one shown.
    const newest = await newestMessage(app, app.portal.getTask(1)!.chatId!)
    expect(articles.at(-1)).toHaveAttribute('data-message-id', String(newest.id))
    // The message's own time is the last, at the bubble's foot; a notice's text may hold dates of its own ([TIMESTAMP]).
    expect(within(articles.at(-1)!).getAllByRole('time').at(-1)).toHaveAttribute('datetime', new Date(newest.date).toISOString())
    await waitFor(() => expect(onShown).toHaveBeenCalledTimes(1))
  })

  it('with no message to show (a task without a chat yet) asks for the screen at once, to say why', async () => {
    await card.open({ taskId: 2 })
    const onShown = vi.fn()
    await renderFirstFrame(2, onShown)
    await waitFor(() => expect(onShown).toHaveBeenCalledTimes(1), { timeout: 20_000 })
    expect(screen.queryAllByRole('article')).toHaveLength(0)
  })
})
