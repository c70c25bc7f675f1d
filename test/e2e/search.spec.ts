import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { APP, PORTAL } from '../../playwright.config'
import { focusedId, fromApp, taskCard } from './feed-page'
import { resetPortal, rest, type WireMessage } from './portal'

/**
 * Search in the chat: the searchbox "Search in chat", im.dialog.messages.search behind it, and
 * choosing a match to land on it in the feed with the jump the rest of the app uses (one window
 * read, no walk through older pages).
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

test.beforeEach(async ({ page, request }) => {
  // No edit window: a message months back can be given a text nothing else in the chat has.
  await resetPortal(request, { messageEditWindowS: 0 })
  await page.addInitScript({ content: `if (location.href.startsWith(${JSON.stringify(APP)})) {${axeSource}\n}` })
})

/** The REST calls the app's frame makes from now on: method and body. */
function restLog(page: Page) {
  const calls: { method: string; body: string }[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${PORTAL}/rest/`) && fromApp(request))
      calls.push({
        method: new URL(request.url()).pathname.replace(/^\/rest\/(api\/)?/, '').replace(/\.json$/, ''),
        body: decodeURIComponent(request.postData() ?? ''),
      })
  })
  return calls
}

const isSearch = (c: { method: string; body: string }) => c.method === 'im.dialog.messages.search' && c.body.includes('SEARCH_MESSAGE')
/** Paging back through history outside a batch: what reaching an old message without the jump would cost. */
const isOlderPage = (c: { method: string; body: string }) =>
  (c.method === 'im.dialog.messages.search' && !c.body.includes('SEARCH_MESSAGE')) || (c.method === 'im.dialog.messages.get' && c.body.includes('LAST_ID'))

/** A human, undeleted message about `pages` × 200 messages back from the newest. */
async function messageBack(request: Parameters<typeof rest>[0], pages: number): Promise<WireMessage> {
  let lastId: number | undefined
  let page: WireMessage[] = []
  for (let i = 0; i < pages; i++) {
    const params: Record<string, unknown> = { CHAT_ID: 1001, LIMIT: 200, ORDER: { ID: 'DESC' }, ...(lastId ? { LAST_ID: lastId } : {}) }
    page = (await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.search', params)).messages
    lastId = Math.min(...page.map((m) => m.id))
  }
  return page.find((m) => m.author_id !== 0 && (Array.isArray(m.params) || m.params['IS_DELETED'] !== 'Y'))!
}

async function openCard(page: Page) {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const box = card.app.getByRole('searchbox', { name: 'Search in chat' })
  const results = card.app.getByRole('listbox', { name: 'Search results' })
  return { card, box, results }
}

test('finds a message about 4,000 back and jumps to it: one window read, no older pages, focused in view', async ({ page, request }) => {
  test.setTimeout(90_000)
  const target = await messageBack(request, 20)
  const text = `Zebra forecast for the spring fair ${Date.now()}`
  expect(await rest<boolean>(request, 'im.message.update', { MESSAGE_ID: target.id, MESSAGE: text }, target.author_id)).toBe(true)

  const calls = restLog(page)
  const { card, box, results } = await openCard(page)
  await box.fill('zebra forecast')
  const option = results.getByRole('option')
  await expect(option).toHaveCount(1)
  await expect(option.locator('mark')).toHaveText('Zebra forecast')
  await expect(card.feed.locator(`article[data-message-id="${target.id}"]`)).toHaveCount(0)

  const from = calls.length
  await box.press('ArrowDown')
  await expect(option).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => focusedId(page), { timeout: 20_000, intervals: [20] }).toBe(String(target.id))
  const there = calls.slice(from)
  const article = card.feed.locator(`article[data-message-id="${target.id}"]`)
  await expect(article).toBeFocused()
  await expect(article).toBeInViewport()
  await expect(article).toContainText(text)
  await expect(results).toHaveCount(0)
  const describe = there.map((c) => `${c.method} ${c.body.slice(0, 200)}`).join('\n')
  expect(there.filter(isOlderPage), `older pages read on the way:\n${describe}`).toEqual([])
  expect(
    // One window batch: read through im.dialog.messages.search where it serves (it sees REPLY_ID), else get.
    // A live poll (a batch of live_<chatId> rows) may come due meanwhile, whenever the poller's cadence says.
    there.filter((c) => c.method === 'batch' && c.body.includes('im.dialog.messages.') && !/live_\d+/.test(c.body)),
    describe,
  ).toHaveLength(1)
})

test('fewer than 3 characters says so and asks nothing; a term nothing holds says so', async ({ page }) => {
  const calls = restLog(page)
  const { card, box } = await openCard(page)
  await box.fill('ze')
  // Enter searches at once, without the pause after typing: a search for 2 characters would go out now.
  await box.press('Enter')
  await expect(card.app.getByText('Type at least 3 characters to search.')).toBeVisible()
  await box.fill('qqzzxxvv')
  await expect(card.app.getByText('No messages match “qqzzxxvv”.')).toBeVisible()
  // Answered for the long term: a search for the short one would have gone out before it.
  expect(calls.filter(isSearch).map((c) => /SEARCH_MESSAGE[^\w]+(\w+)/.exec(c.body)?.[1])).toEqual(['qqzzxxvv'])
})

test('more results on scroll, with LAST_ID, and the match marked in each', async ({ page }) => {
  const calls = restLog(page)
  const { card, box, results } = await openCard(page)
  await box.fill('budget')
  const options = results.getByRole('option')
  await expect(options).toHaveCount(25)
  await expect(card.app.getByText('25 messages found so far, more below')).toBeAttached()
  await options.last().scrollIntoViewIfNeeded()
  await expect.poll(() => options.count()).toBeGreaterThan(25)
  const searches = calls.filter(isSearch)
  expect(searches).toHaveLength(2)
  expect(searches[1]!.body).toContain('LAST_ID')
  for (const i of [0, 30]) await expect(options.nth(i).locator('mark').first()).toHaveText(/budget/i)
})

test('Escape clears the search and gives the reader the feed where they were, focus back on their message', async ({ page }) => {
  const { card, box, results } = await openCard(page)
  await card.scrollBy(-600)
  await card.settled()
  const before = await card.scroller.evaluate((el) => el.scrollTop)
  const reading = (await card.firstVisible())!
  const article = card.feed.locator(`article[data-message-id="${reading.id}"]`)
  await article.focus()
  await box.click()
  await box.fill('budget')
  await expect(results.getByRole('option').first()).toBeVisible()
  await box.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Escape')
  await expect(results).toHaveCount(0)
  await expect(box).toHaveValue('')
  await expect(article).toBeFocused()
  expect(await card.scroller.evaluate((el) => el.scrollTop)).toBe(before)
})

for (const colorScheme of ['light', 'dark'] as const)
  test(`the open results have no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    const { card, box, results } = await openCard(page)
    await box.fill('budget')
    await expect(results.getByRole('option').first().locator('mark').first()).toBeVisible()
    await box.press('ArrowDown')
    await card.frames()
    const frame = page.frames().find((f) => f.url().startsWith(APP))!
    const found = await frame.evaluate(async () => {
      type Violation = { id: string; nodes: { target: string[]; failureSummary?: string }[] }
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe
      return (await axe.run(document)).violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
      )
    })
    expect(found).toEqual([])
  })

for (const [colorScheme, reducedMotion] of [
  ['light', 'no-preference'],
  ['dark', 'no-preference'],
  ['light', 'reduce'],
] as const)
  test(`a match chosen with the mouse is highlighted for a moment, then not (${colorScheme}, motion: ${reducedMotion})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion })
    const { card, box, results } = await openCard(page)
    // How far the message's background stands from its neighbours' (luminance contrast, WCAG's formula),
    // read when the highlight is set and again once two frames have been painted with it.
    await card.app.locator('body').evaluate(() => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number)
      const backdrop = (el: Element): number[] => {
        for (let e: Element | null = el.parentElement; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor)
          if ((c[3] ?? 1) > 0) return c
        }
        return [255, 255, 255]
      }
      const seen = (el: Element) => {
        const [r, g, b, a = 1] = rgba(getComputedStyle(el).backgroundColor)
        const under = backdrop(el)
        const mix = [r!, g!, b!].map((v, i) => v * a + under[i]! * (1 - a))
        return 0.2126 * channel(mix[0]!) + 0.7152 * channel(mix[1]!) + 0.0722 * channel(mix[2]!)
      }
      const standOut = (el: Element) => {
        const neighbour = (el.closest('.feed-row')?.previousElementSibling ?? el.closest('.feed-row')?.nextElementSibling)?.querySelector('article')
        const [x, y] = [seen(el), neighbour ? seen(neighbour) : 1]
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
      }
      const w = window as unknown as { jump: { first?: number; painted?: number; article?: Element } }
      w.jump = {}
      new MutationObserver((changes) => {
        const article = changes.map((c) => c.target as HTMLElement).find((t) => t.hasAttribute('data-jumped'))
        if (!article || w.jump.article) return
        w.jump = { article, first: standOut(article) }
        requestAnimationFrame(() => requestAnimationFrame(() => (w.jump.painted = standOut(article))))
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-jumped'] })
    })
    await box.fill('spring lookbook')
    await results.getByRole('option').last().click()
    const look = () => card.app.locator('body').evaluate(() => (window as unknown as { jump: { first?: number; painted?: number } }).jump)
    await expect.poll(async () => (await look()).painted, { message: 'the highlight was painted' }).toBeDefined()
    const { first, painted } = await look()
    // Hover's tint stands 1.1:1 from the page: the highlight must be told from it at a glance.
    expect(first).toBeGreaterThanOrEqual(1.25)
    expect(painted).toBeGreaterThanOrEqual(1.25)
    const article = card.feed.locator('article[data-jumped]')
    await expect(article).toBeFocused()
    // A moment: then the message looks like any other again.
    await expect(article).toHaveCount(0)
  })
