import { expect, test, type Page } from '@playwright/test'
import { pagingBudgetMs, taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

/** Every answer the portal gives this page, by status. */
function statuses(page: Page) {
  const seen: number[] = []
  page.on('response', (response) => {
    if (response.url().includes('/rest/')) seen.push(response.status())
  })
  return seen
}

/** Task 1's chat: a little over 5,000 messages. */
const HISTORY = 5_100
/** Paging is paced, so reaching the start takes a time set by the pacing, not a number of flings. */
const BUDGET = pagingBudgetMs(HISTORY)

/** Flings to the top again and again until the start of the conversation shows. */
async function flingToStart(page: Page) {
  const card = taskCard(page)
  await card.ready()
  await card.scrollToStart(BUDGET)
}

test('a fast fling from the newest message to the first of 5,000 never makes the portal refuse a request', async ({ page }) => {
  test.setTimeout(BUDGET + 30_000)
  const answers = statuses(page)
  await page.goto('/')
  await flingToStart(page)
  expect(answers.filter((s) => s === 503)).toEqual([])
  expect(answers.length).toBeGreaterThan(25)
})

test('two tabs of the same user flinging at once stay within one shared bucket', async ({ page, context, request }) => {
  test.setTimeout(BUDGET + 45_000)
  // One bucket for the user, as Bitrix24's own limit counts the whole portal rather than a tab.
  await resetPortal(request, { rateLimitScope: 'user' })
  const other = await context.newPage()
  const answers = [...[page, other].map((p) => statuses(p))]
  await Promise.all([page.goto('/'), other.goto('/')])
  await Promise.all([flingToStart(page), flingToStart(other)])
  expect(answers.flat().filter((s) => s === 503)).toEqual([])
})
