import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTaskCard, type FramedApp } from '../../../../test/dom/frame-harness'
import { renderApp } from '../../../../test/dom/render-app'

// The real app, the real SDK and the in-process portal: "Seen" as a reader finds it, by text inside
// the message's article, from what the portal's im.dialog.messages.search says (viewedByOthers).
let app: FramedApp | undefined
beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})
afterEach(async () => {
  await app?.close()
  app = undefined
})
const BOOT = { timeout: 10_000 }

async function rest<T>(method: string, params: Record<string, unknown>, userId = 1): Promise<T> {
  const auth = app!.portal.issueToken(userId).AUTH_ID
  const response = await fetch(`${app!.origin}/rest/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...params, auth }),
  })
  return ((await response.json()) as { result: T }).result
}
const post = (text: string, userId = 1) => rest<number>('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, userId)
const read = (messageId: number, userId: number) => rest<unknown>('im.dialog.read', { DIALOG_ID: 'chat1001', MESSAGE_ID: messageId }, userId)

async function articleOf(text: string): Promise<HTMLElement> {
  // The screen's feed (not the first frame's, which is busy until the screen replaces it), in any language.
  const feed = await screen.findByRole('feed', { busy: false }, BOOT)
  return (await within(feed).findByText(text, {}, BOOT)).closest('article') as HTMLElement
}

describe('"Seen"', () => {
  it('shows under the viewer’s own message another member has read, not under one nobody has, nor under others’ messages', async () => {
    app = await openTaskCard({ taskId: 1 })
    const theirs = await post('Maria asks', 2)
    // Read by a third member: seen by others, but not the viewer's, so no "Seen".
    await read(theirs, 3)
    const answered = await post('My answer')
    await read(answered, 2)
    await post('My afterthought')
    await renderApp()

    const seen = await articleOf('My answer')
    expect(await within(seen).findByText('Seen', {}, BOOT)).toBeVisible()
    // The double check is decoration: "Seen" is said once.
    expect(within(seen).getAllByText('Seen')).toHaveLength(1)
    expect(within(await articleOf('My afterthought')).queryByText('Seen')).toBeNull()
    expect(within(await articleOf('Maria asks')).queryByText('Seen')).toBeNull()
  }, 30_000)

  it('speaks the reader’s language', async () => {
    app = await openTaskCard({ taskId: 1, lang: 'de' })
    await read(await post('Meine Antwort'), 2)
    await renderApp('de')
    expect(await within(await articleOf('Meine Antwort')).findByText('Gesehen', {}, BOOT)).toBeVisible()
  }, 30_000)
})
