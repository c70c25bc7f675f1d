import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import { renderApp } from '../../../test/dom/render-app'

// The real app through the real SDK against the local portal, where user 2 has not read the newest 12 messages of task 1.

const card = taskCardPerTest()

describe('the "New messages" divider', () => {
  it('stands right before the first message the viewer has not read, in their language', async () => {
    const app = await card.open({ taskId: 1, userId: 2, lang: 'de' })
    // Before the app opens: once it has, what it showed is marked read and the first unread moves on.
    const { unread_id: firstUnread } = await app.rest<{ unread_id: number }>('im.dialog.get', { DIALOG_ID: 'chat1001' }, 2)
    await renderApp('de')
    const feed = await screen.findByRole('feed', { busy: false }, { timeout: 20_000 })
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
    await card.open({ taskId: 1, userId: 1 })
    await renderApp()
    const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, { timeout: 20_000 })
    expect(within(feed).getAllByRole('article').length).toBeGreaterThan(0)
    expect(within(feed).queryByText('New messages')).toBeNull()
    expect(
      within(feed)
        .getAllByRole('article')
        .some((a) => a.hasAttribute('aria-describedby')),
    ).toBe(false)
  })
})
