import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { renderApp } from '../../../../test/dom/render-app'

// The real app, the real SDK and the in-process portal: "Seen" as a reader finds it, by text inside
// the message's article, from what the portal's im.dialog.messages.search says (viewedByOthers).
const card = taskCardPerTest()
const BOOT = { timeout: 20_000 }

const rest = <T,>(method: string, params: Record<string, unknown>, userId = 1) => card.app.rest<T>(method, params, userId)
const post = (text: string, userId = 1) => card.app.post(text, userId)
const read = (messageId: number, userId: number) => rest<unknown>('im.dialog.read', { DIALOG_ID: 'chat1001', MESSAGE_ID: messageId }, userId)

async function articleOf(text: string): Promise<HTMLElement> {
  // The screen's feed (not the first frame's, which is busy until the screen replaces it), in any language.
  const feed = await screen.findByRole('feed', { busy: false }, BOOT)
  return (await within(feed).findByText(text, {}, BOOT)).closest('article') as HTMLElement
}

describe('"Seen"', () => {
  it('shows under the viewer’s own message another member has read, not under one nobody has, nor under others’ messages', async () => {
    await card.open({ taskId: 1 })
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
    await card.open({ taskId: 1, lang: 'de' })
    await read(await post('Meine Antwort'), 2)
    await renderApp('de')
    expect(await within(await articleOf('Meine Antwort')).findByText('Gesehen', {}, BOOT)).toBeVisible()
  }, 30_000)
})
