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
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await expect(card.app.getByRole('switch', { name: 'Show system messages' })).toBeChecked()
  const start = card.app.getByText('This is the start of the conversation.')
  const seen = new Set<string>()
  const raw: string[] = []
  // What the codes stood for is there: deadline notices say their date in words (the [TIMESTAMP]s).
  let datedDeadlines = 0
  // Every step moves up by a viewport (the rendered rows, overscan included, reach past it), so every
  // message passes through the DOM; at the top the step waits for the older page the app asks for.
  for (;;) {
    const step = await card.scroller.evaluate(
      (el) =>
        new Promise<{ rows: { id: string; text: string }[]; top: number }>((done) => {
          const rows = [...el.querySelectorAll('article')].map((a) => ({ id: a.dataset['messageId'] ?? '', text: (a as HTMLElement).innerText }))
          el.scrollBy({ top: -el.clientHeight })
          requestAnimationFrame(() => requestAnimationFrame(() => done({ rows, top: el.scrollTop })))
        }),
    )
    for (const row of step.rows) {
      if (seen.has(row.id)) continue
      seen.add(row.id)
      if (RAW_CODE.test(row.text)) raw.push(`${row.id}: ${row.text.slice(0, 200)}`)
      if (/deadline to [A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2}/.test(row.text)) datedDeadlines++
    }
    if (step.top === 0) {
      if ((await start.count()) > 0) break
      await expect(card.feed).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 })
      await card.frames()
    }
  }
  // The last screenful at the top, once more, now that nothing is loading.
  for (const text of await card.feed.getByRole('article').allInnerTexts()) if (RAW_CODE.test(text)) raw.push(text.slice(0, 200))
  expect(seen.size, 'messages passed through the view').toBeGreaterThan(5_000)
  expect(raw, 'messages showing a raw code').toEqual([])
  expect(datedDeadlines, 'deadline notices with their date in words').toBeGreaterThan(10)
})
