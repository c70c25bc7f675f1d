import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { renderApp } from '../../../../test/dom/render-app'

// Task 7's newest 1,500 messages are automation notices. With system messages hidden the feed
// must page back on its own, in a bounded burst, then hand over to the reader.
const card = taskCardPerTest()

// Booting the real SDK against the in-process portal can take seconds on a loaded machine, and the
// auto-load goes through pages paced at 2 requests per second (src/b24/pacer.ts).
const BOOT = { timeout: 20_000 }
const PAGING = { timeout: 15_000 }

const humanArticles = (feed: HTMLElement) =>
  within(feed)
    .queryAllByRole('article')
    .filter((a) => !a.classList.contains('message--system'))

describe('the system-message filter', () => {
  it('loads older pages in a bounded burst, then offers "Load older" with the count of hidden events', async () => {
    await card.open({ taskId: 7 })
    await renderApp()
    const user = userEvent.setup()
    const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, BOOT)
    expect(
      within(feed)
        .getAllByRole('article')
        .every((a) => a.classList.contains('message--system')),
    ).toBe(true)

    await user.click(screen.getByRole('switch', { name: 'Show system messages' }))
    const loadOlder = await screen.findByRole('button', { name: 'Load older messages' }, PAGING)
    // The opening page (50) and four pages of 200: five pages in a row with nothing to show.
    expect(screen.getByText('850 system events hidden')).toBeInTheDocument()
    expect(humanArticles(screen.getByRole('feed', { name: 'Task chat' }))).toHaveLength(0)

    await user.click(loadOlder)
    await expect.poll(() => humanArticles(screen.getByRole('feed', { name: 'Task chat' })).length, PAGING).toBeGreaterThan(0)
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull()
    expect(
      within(screen.getByRole('feed', { name: 'Task chat' }))
        .queryAllByRole('article')
        .some((a) => a.classList.contains('message--system')),
    ).toBe(false)
  }, 60_000) // boot, a burst of five pages, then more pages: each waited for within its own budget above

  it('brings system messages back at once when switched on again', async () => {
    await card.open({ taskId: 5 })
    await renderApp()
    const user = userEvent.setup()
    await screen.findByRole('feed', { name: 'Task chat', busy: false }, BOOT)
    const toggle = screen.getByRole('switch', { name: 'Show system messages' })
    await user.click(toggle)
    await expect.poll(() => humanArticles(screen.getByRole('feed', { name: 'Task chat' })).length, PAGING).toBeGreaterThan(0)
    await user.click(toggle)
    expect(toggle).toBeChecked()
    const feed = screen.getByRole('feed', { name: 'Task chat' })
    expect(
      within(feed)
        .getAllByRole('article')
        .some((a) => a.classList.contains('message--system')),
    ).toBe(true)
  }, 40_000)
})
