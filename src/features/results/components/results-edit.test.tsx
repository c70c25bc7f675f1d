import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { findComposer, renderApp } from '../../../../test/dom/render-app'

// The results view reads its messages from the one conversation: a message edited after it was
// made a result shows its new words there too (the result itself keeps the words it was made with).
const card = taskCardPerTest()
const BOOT = { timeout: 20_000 }

describe('the results view', () => {
  it('shows a result’s message as edited after it was made a result', async () => {
    const user = userEvent.setup()
    const app = await card.open({ taskId: 1 })
    await app.post('The first words')
    await renderApp()
    const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, BOOT)
    const mine = (await within(feed).findByText('The first words', {}, BOOT)).closest('article') as HTMLElement
    await user.click(await within(mine).findByRole('button', { name: 'Make result' }, BOOT))
    await within(mine).findByRole('button', { name: 'Remove result' }, BOOT)

    // The composer itself, not the early box that stands in for it while it loads (render-app.tsx).
    await findComposer()
    await user.click(within(mine).getByRole('button', { name: 'Edit' }))
    const box = screen.getByRole('textbox', { name: 'Message' })
    await user.clear(box)
    await user.type(box, 'The words after the edit{Enter}')
    await waitFor(() => expect(mine).toHaveTextContent('The words after the edit'))

    await user.click(screen.getByRole('switch', { name: 'Results only' }))
    const list = await screen.findByRole('list', { name: 'Task results' }, BOOT)
    const item = (await within(list).findByText('The words after the edit', {}, BOOT)).closest('li') as HTMLElement
    expect(item).not.toHaveTextContent('The first words')
    expect(item).toHaveTextContent('Alex Morgan')
  }, 30_000)
})
