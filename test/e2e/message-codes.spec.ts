import { expect, test } from '@playwright/test'
import { axeInitScript, violations } from './axe'
import { focusedId, taskCard } from './feed-page'
import { markRead, resetPortal, rest, type WireMessage } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

const post = (request: Parameters<typeof rest>[0], text: string, userId: number) =>
  rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, userId)

// 2026-01-01 12:00 UTC, the tasks module's deadline notice written as DeadlineFormatter.php writes it.
const NOON = 1767268800
const dashes = '-'.repeat(54)

test('a tasks-module date reads as a date, and a web-messenger quote shows its author and jumps to the message it names', async ({ page, request }) => {
  test.setTimeout(90_000)
  // A message further back than the screen shows: the quote names it as Bitrix24's web messenger does.
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50 })
  const quoted = messages.reduce((a, b) => (a.id < b.id ? a : b))
  const stamp = `Deadline moved to [TIMESTAMP=${NOON} FORMAT=LONG_DATE_FORMAT], [TIMESTAMP=${NOON} FORMAT=SHORT_TIME_FORMAT] ${Date.now()}`
  await post(request, stamp, 2)
  const reply = `See the quote ${Date.now()}`
  const last = await post(request, `${dashes}\nEmily Zhang [today, 2:05 pm] #chat1001/${quoted.id}\nThe quoted words\n${dashes}\n${reply}`, 3)
  await markRead(request, 1, 1001, last)

  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const notice = card.feed.getByRole('article').filter({ hasText: 'Deadline moved to' })
  await expect(notice).toContainText('Deadline moved to January 1, 2026')
  await expect(notice.locator('time', { hasText: 'January 1, 2026' })).toHaveAttribute('datetime', '2026-01-01T12:00:00.000Z')
  // The deadline's time of day (not the notice's own time, which reads the same at the top of an hour).
  await expect(notice.locator('time[datetime="2026-01-01T12:00:00.000Z"]', { hasText: /^\d{1,2}:00\s?[AP]M$/ })).toHaveCount(1)
  const quote = card.feed.getByRole('article').filter({ hasText: reply })
  await expect(quote.locator('blockquote')).toContainText('today, 2:05 pm')
  await expect(quote.locator('blockquote')).toContainText('The quoted words')
  await expect(card.feed).not.toContainText('[TIMESTAMP')
  await expect(card.feed).not.toContainText('#chat1001')

  await quote.getByRole('button', { name: 'Quote of Emily Zhang: go to the message' }).click()
  await expect.poll(() => focusedId(page), { timeout: 20_000 }).toBe(String(quoted.id))
  await expect(card.feed.locator(`article[data-message-id="${quoted.id}"]`)).toBeInViewport()
})

for (const colorScheme of ['light', 'dark'] as const)
  test(`the messenger's codes in a message have no axe violations (${colorScheme})`, async ({ page, request }) => {
    await page.addInitScript(axeInitScript)
    await page.emulateMedia({ colorScheme })
    const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 5 })
    const text = [
      `${dashes}\nEmily Zhang [today, 2:05 pm] #chat1001/${messages[0]!.id}\nThe quoted words\n${dashes}`,
      `Due [TIMESTAMP=${NOON} FORMAT=FULL_DATE_FORMAT]: [DISK=1] [RATING=5] [ICON=https://cdn.example/i.png title=Smile] [PCH=1][/PCH]`,
    ].join('\n')
    const last = await post(request, text, 3)
    await markRead(request, 1, 1001, last)
    await page.goto('/')
    const card = taskCard(page)
    await card.ready()
    await expect(card.feed.getByRole('button', { name: 'Quote of Emily Zhang: go to the message' })).toBeVisible()
    await card.frames()
    expect(await violations(page)).toEqual([])
  })

test('a quote in an ATTACH’s text (a notice carrying a reply’s words, lines broken by [br]) shows as a quote, never as `>>`', async ({ page, request }) => {
  const quoted = 'the CTA button is hard to see on mobile'
  const reply = `Also the headline wraps badly at 360px ${Date.now()}`
  // An ATTACH's text is not parsed into new lines as a message's is (Im\Text::parse): its breaks stay `[br]`.
  const id = await rest<number>(
    request,
    'im.message.add',
    { DIALOG_ID: 'chat1001', MESSAGE: 'Task status summary', ATTACH: [{ MESSAGE: `[b]Summary[/b][br]>>${quoted}[br]${reply}` }] },
    2,
  )
  await markRead(request, 1, 1001, id)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const article = card.feed.locator(`article[data-message-id="${id}"]`)
  await expect(article).toContainText(reply)
  await expect(article.locator('blockquote')).toHaveText(quoted)
  await expect(article).not.toContainText('>>')
})
