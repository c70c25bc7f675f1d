import { expect, test } from '@playwright/test'
import { pagingBudgetMs, taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

/**
 * The codes Bitrix24 writes into message text (the tasks module's notices, the legacy reader's
 * parse, the web messenger) that the messenger never shows as typed. None may reach the screen.
 */
const RAW_CODE = /\[(TIMESTAMP|USER=|DISK=|ICON=|IMG|ATTACH|PCH|RATING)/i

test('the whole seeded chat of task 1, scrolled from the newest message to the first, shows no raw code', async ({ page }) => {
  // Paging is paced (2 requests a second), and every screenful is read on the way: twice the paging
  // budget, since the notices with their attachments are taller than the rows the budget assumed.
  test.setTimeout(2 * pagingBudgetMs(6_000) + 60_000)
  // A tall card (as in a slider on a tall screen): fewer, larger steps through the 5,000 messages.
  await page.setViewportSize({ width: 1280, height: 3_200 })
  await page.goto('/')
  await page.locator('iframe[title="Task chat"]').evaluate((frame: HTMLIFrameElement) => (frame.style.height = '3000px'))
  const card = taskCard(page)
  await card.ready()
  await expect(card.app.getByRole('switch', { name: 'Show system messages' })).toBeChecked()
  // The walk runs inside the frame, one round trip for the whole history: every step moves up by a
  // viewport and reads what the rendered rows show once they cover it; at the top it waits for the
  // older page the app asks for.
  const walk = await card.scroller.evaluate(
    async (el, patterns) => {
      const rawCode = new RegExp(patterns.rawCode, 'i')
      const dated = new RegExp(patterns.dated)
      const frame = () => new Promise((done) => requestAnimationFrame(done))
      const seen = new Set<string>()
      const raw: string[] = []
      let datedDeadlines = 0
      const read = () => {
        for (const article of el.querySelectorAll<HTMLElement>('article[data-message-id]')) {
          const id = article.dataset['messageId']!
          if (seen.has(id)) continue
          seen.add(id)
          const text = article.innerText
          if (rawCode.test(text)) raw.push(`${id}: ${text.slice(0, 200)}`)
          if (dated.test(text)) datedDeadlines++
        }
      }
      const covered = () => {
        const view = el.getBoundingClientRect()
        const rows = [...el.querySelectorAll('article')].map((a) => a.getBoundingClientRect())
        if (rows.length === 0) return false
        return (el.scrollTop === 0 || Math.min(...rows.map((r) => r.top)) <= view.top) && Math.max(...rows.map((r) => r.bottom)) >= view.bottom - 1
      }
      for (;;) {
        read()
        if (el.scrollTop === 0) {
          if (el.textContent?.includes(patterns.start)) break
          await frame()
          continue
        }
        el.scrollBy({ top: -el.clientHeight })
        // Until the rows rendered for the new place cover the view (adjacent views, each wholly
        // covered, leave no message unread); a stale render covers what lies below instead.
        do await frame()
        while (!covered())
      }
      return { seen: seen.size, raw, datedDeadlines }
    },
    {
      rawCode: RAW_CODE.source,
      // What the codes stood for is there: deadline notices say their date in words (the [TIMESTAMP]s).
      dated: /deadline to [A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2}/.source,
      start: 'This is the start of the conversation.',
    },
  )
  // The reader got back to the very first message (this walk is also the feed's "scroll back through
  // all 5,000" test): task 1 is older than task chats, so its chat opens with the old-comments notice.
  await expect(card.app.getByText('This is the start of the conversation.')).toBeInViewport()
  const first = card.feed.getByRole('article').first()
  await expect(first).toContainText('Click the button below to read the previous comments')
  expect(await first.getAttribute('aria-posinset')).toBe('1')
  expect(Number(await first.getAttribute('aria-setsize'))).toBeGreaterThan(5_000)
  expect(walk.seen, 'messages passed through the view').toBeGreaterThan(5_000)
  expect(walk.raw, 'messages showing a raw code').toEqual([])
  expect(walk.datedDeadlines, 'deadline notices with their date in words').toBeGreaterThan(10)
})
