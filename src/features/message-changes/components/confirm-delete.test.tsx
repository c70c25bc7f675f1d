import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConfirmDelete } from './confirm-delete'

/** A Delete button that opens the question, as a message's action does. */
function Opener({ onConfirm }: { onConfirm(): void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete
      </button>
      {open && (
        <ConfirmDelete
          emptied={false}
          onConfirm={() => {
            onConfirm()
            setOpen(false)
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  )
}

describe('the delete question', () => {
  it('starts on Cancel, keeps Tab inside, and closes on Escape or a click beside it, focus back on the opener', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    render(<Opener onConfirm={onConfirm} />)
    const opener = screen.getByRole('button', { name: 'Delete' })
    await user.click(opener)
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this message?' })
    expect(dialog).toHaveAccessibleDescription('You can undo it for a few seconds.')
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab()
    expect(screen.getAllByRole('button', { name: 'Delete' }).at(-1)).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(opener).toHaveFocus()

    await user.click(opener)
    await user.click(screen.getByRole('alertdialog').parentElement!)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(onConfirm).not.toHaveBeenCalled()

    await user.click(opener)
    await user.click(screen.getAllByRole('button', { name: 'Delete' }).at(-1)!)
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })
})
