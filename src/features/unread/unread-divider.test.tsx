import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTaskCard, type FramedApp } from '../../../test/dom/frame-harness'
import { renderApp } from '../../../test/dom/render-app'

// The real app through the real SDK against the local portal, where user 2 has not read the newest 12 messages of task 1.

let app: FramedApp | undefined
beforeEach(() => sessionStorage.clear())
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('the "New messages" divider', () => {
  it('stands right before the first message the viewer has not read, in their language', async () => {
    app = await openTaskCard({ taskId: 1, userId: 2, lang: 'de' })
    // Before the app opens: once it has, what it showed is marked read and the first unread moves on.
    const auth = app.portal.issueToken(2).AUTH_ID
    const answer = await fetch(`${app.origin}/rest/im.dialog.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ DIALOG_ID: 'chat1001', auth }),
    })
    const { unread_id: firstUnread } = ((await answer.json()) as { result: { unread_id: number } }).result
    await renderApp('de')
    const feed = await screen.findByRole('feed', { busy: false }, { timeout: 10_000 })
    const divider = await within(feed).findByText('Neue Nachrichten')
    // Right above the first unread message, which a screen reader hears described by it.
    const first = divider.closest('.new-messages-divider')!.nextElementSibling
    expect(first).toHaveAttribute('data-message-id', String(firstUnread))
    expect(first).toHaveAccessibleDescription('Neue Nachrichten')
    expect(
      within(feed)
        .getAllByRole('article')
        .filter((a) => a.getAttribute('aria-describedby')),
    ).toHaveLength(1)
  })

  it('is not there for a viewer who has read everything', async () => {
    app = await openTaskCard({ taskId: 1, userId: 1 })
    await renderApp()
    const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, { timeout: 10_000 })
    expect(within(feed).getAllByRole('article').length).toBeGreaterThan(0)
    expect(within(feed).queryByText('New messages')).toBeNull()
    expect(
      within(feed)
        .getAllByRole('article')
        .some((a) => a.hasAttribute('aria-describedby')),
    ).toBe(false)
  })
})
