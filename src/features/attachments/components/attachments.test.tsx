import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { findComposer, renderApp } from '../../../../test/dom/render-app'

// The real app, the real SDK and the in-process portal: what the user sees of the files they
// choose, and what lands in the portal's chat.
const card = taskCardPerTest()
// Unmount before the card's portal closes.
afterEach(cleanup)

const newest = (limit = 1) =>
  card.app.rest<{ messages: { id: number; params: Record<string, unknown> }[]; files: { name: string }[] }>('im.dialog.messages.get', {
    DIALOG_ID: 'chat1001',
    LIMIT: limit,
  })

async function openComposer() {
  await card.open({ taskId: 1 })
  await renderApp()
  await findComposer()
  // The picker behind "Attach file" is the system's; the test hands it files as the browser would.
  const picker = document.querySelector<HTMLInputElement>('input[type="file"]')
  if (!picker) throw new Error('no file picker next to the composer')
  return picker
}

describe('attaching files', () => {
  it('lists the chosen files by name and size, removes one, and Send posts the other as a file message', async () => {
    const user = userEvent.setup()
    const picker = await openComposer()
    await user.upload(picker, [new File(['hello notes'], 'notes.txt', { type: 'text/plain' }), new File(['draft'], 'draft.txt')])
    const list = screen.getByRole('list', { name: 'Files to send' })
    const notes = within(list).getByRole('listitem', { name: 'notes.txt' })
    expect(notes.textContent).toContain('11 bytes')
    await user.click(within(list).getByRole('button', { name: 'Remove draft.txt' }))
    expect(within(list).queryByRole('listitem', { name: 'draft.txt' })).toBeNull()
    const before = (await newest()).messages[0]!.id
    // No text: the file alone can be sent.
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull(), { timeout: 20_000 })
    const page = await newest()
    expect(page.messages[0]!.id).toBeGreaterThan(before)
    expect(page.files.map((f) => f.name)).toEqual(['notes.txt'])
    const feed = screen.getByRole('feed', { name: 'Task chat' })
    await waitFor(() => expect(within(feed).getByRole('link', { name: /notes\.txt/ })).toBeTruthy())
  })

  it('refuses a file over the limit before sending, with a sentence naming the limit; nothing is posted', async () => {
    const user = userEvent.setup()
    const picker = await openComposer()
    const big = new File(['not really big'], 'huge-video.mp4')
    // Only the size is read before an upload, so a file that says it is 100 MB and a byte stands in for one.
    Object.defineProperty(big, 'size', { value: 100_000_001 })
    const before = (await newest()).messages[0]!.id
    await user.upload(picker, big)
    const item = screen.getByRole('listitem', { name: 'huge-video.mp4' })
    expect(within(item).getByRole('alert').textContent).toBe('“huge-video.mp4” is larger than 100 MB, the most a chat takes in one file. It was not sent.')
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(within(item).getByRole('button', { name: 'Remove huge-video.mp4' }))
    expect(screen.queryByRole('listitem', { name: 'huge-video.mp4' })).toBeNull()
    expect((await newest()).messages[0]!.id).toBe(before)
  })

  it('a pasted file is attached; text copied with a picture of itself (as office apps copy) stays a paste of text', async () => {
    await openComposer()
    const box = screen.getByRole('textbox', { name: 'Message' })
    const picture = new File(['png'], 'image.png', { type: 'image/png' })
    fireEvent.paste(box, { clipboardData: { files: [picture], getData: () => 'Q3 | 120 | 140' } })
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull()
    fireEvent.paste(box, { clipboardData: { files: [picture], getData: () => '' } })
    expect(within(screen.getByRole('list', { name: 'Files to send' })).getByRole('listitem', { name: 'image.png' })).toBeTruthy()
  })
})
