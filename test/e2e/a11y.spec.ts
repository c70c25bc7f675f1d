import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Frame, type Page } from '@playwright/test'
import { APP } from '../../playwright.config'
import { taskCard } from './feed-page'
import { resetPortal } from './portal'

// axe-core runs INSIDE the app's frame: run from the host page it would only see an iframe. It goes
// in as an init script because the app's CSP (script-src 'self') rightly refuses an inline tag.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(APP))
  if (!frame) throw new Error(`no frame from ${APP}`)
  return frame
}

/** Every violation of axe's default rules in the app, one line per failing node, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const found = await appFrame(page).evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe
    const { violations } = await axe.run(document)
    return violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }))
  })
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`))
}

test.beforeEach(async ({ page, request }) => {
  await resetPortal(request)
  await page.addInitScript({ content: `if (location.href.startsWith(${JSON.stringify(APP)})) {${axeSource}\n}` })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.beforeEach(async ({ page }) => page.emulateMedia({ colorScheme }))

    test('the feed, with a message’s actions showing, has no axe violations', async ({ page }) => {
      await page.goto('/task/1')
      const card = taskCard(page)
      await card.ready()
      const withActions = card.feed.getByRole('article').filter({ has: card.app.getByRole('button', { name: 'Reply' }) })
      await withActions.last().hover()
      await expect(withActions.last().getByRole('button', { name: 'Reply' })).toBeVisible()
      await card.frames()
      expect(await violations(page)).toEqual([])
    })

    // Unread messages (#12): the "New messages" divider in the feed (user 2 has unread messages in task 1).
    test('the feed opened at its unread messages, under "New messages", has no axe violations', async ({ page }) => {
      await page.goto('/task/1?user=2')
      const card = taskCard(page)
      await card.ready()
      await expect(card.feed.getByText('New messages')).toBeInViewport()
      await card.frames()
      expect(await violations(page)).toEqual([])
    })

    test('the edit bar, the delete question and a deletion with Undo have no axe violations', async ({ page }) => {
      await page.goto('/task/1')
      const card = taskCard(page)
      await card.ready()
      const box = card.app.getByRole('textbox', { name: 'Message' })
      const text = `To edit and delete ${Date.now()}`
      await box.fill(text)
      await box.press('Enter')
      // Up edits the last message the portal has confirmed.
      await expect(card.feed.locator('article[data-message-id]').filter({ hasText: text })).toHaveCount(1)
      await box.press('ArrowUp')
      await expect(card.app.getByText('Editing message')).toBeVisible()
      expect(await violations(page), 'editing').toEqual([])
      await box.fill('')
      await box.press('Enter')
      const dialog = card.app.getByRole('alertdialog', { name: 'Delete this message?' })
      await expect(dialog).toBeVisible()
      expect(await violations(page), 'the question').toEqual([])
      await dialog.getByRole('button', { name: 'Delete' }).click()
      await expect(card.feed.getByRole('button', { name: 'Undo' })).toBeVisible()
      expect(await violations(page), 'deleted, with Undo').toEqual([])
    })

    test('the results view has no axe violations', async ({ page }) => {
      await page.goto('/task/1')
      const card = taskCard(page)
      await card.ready()
      await card.app.getByRole('switch', { name: 'Results only' }).check()
      await expect(card.app.getByRole('list').first()).toBeVisible()
      await card.frames()
      expect(await violations(page)).toEqual([])
    })

    test('an empty chat, a task without a chat and an error screen have no axe violations', async ({ page }) => {
      const card = taskCard(page)
      await page.goto('/task/6')
      await expect(card.app.getByText('No messages yet. Start the conversation below.')).toBeVisible()
      expect(await violations(page), 'empty chat').toEqual([])
      await page.goto('/task/2')
      await expect(card.app.getByText('This task has no chat yet. The first message will start it.')).toBeVisible()
      expect(await violations(page), 'no chat yet').toEqual([])
      await page.goto('/task/3')
      await expect(card.app.getByRole('alert')).toBeVisible() // the task the default user cannot open
      expect(await violations(page), 'error screen').toEqual([])
    })
  })
}
