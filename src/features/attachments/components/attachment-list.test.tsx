import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { Attachment } from '../api/attachment-queue'
import { AttachmentList } from './attachment-list'

afterEach(cleanup)

function item(name: string, patch: Partial<Attachment>): Attachment {
  return { id: name, file: new File(['12345'], name), status: 'ready', progress: 0, refusal: null, error: null, outcomeUnknown: false, target: null, ...patch }
}

describe('the list of files to send', () => {
  it('names each file with its size, and offers what fits its state', async () => {
    const done: string[] = []
    render(
      <AttachmentList
        items={[
          item('chosen.txt', {}),
          item('going.txt', { status: 'uploading', progress: 0.42 }),
          item('next.txt', { status: 'queued' }),
          item('sent.txt', { status: 'uploading', progress: 1 }),
          item('lost.txt', { status: 'failed', error: { kind: 'network', code: 'NETWORK_ERROR' }, outcomeUnknown: true }),
          item('old-portal.txt', { status: 'failed', error: { kind: 'method-missing', code: 'ERROR_METHOD_NOT_FOUND' } }),
        ]}
        onRemove={(id) => done.push(`remove ${id}`)}
        onCancel={(id) => done.push(`cancel ${id}`)}
        onRetry={(id) => done.push(`retry ${id}`)}
      />,
    )
    const list = screen.getByRole('list', { name: 'Files to send' })
    const row = (name: string) => within(list).getByRole('listitem', { name })
    expect(row('chosen.txt').textContent).toContain('5 bytes')
    expect(within(row('going.txt')).getByRole('progressbar', { name: 'Uploading going.txt' }).getAttribute('value')).toBe('42')
    expect(row('next.txt').textContent).toContain('Waiting…')
    // Every byte sent: the portal has the file, so Cancel is no longer offered (it would not stop the post).
    expect(row('sent.txt').textContent).toContain('Sent; the chat is taking it in…')
    expect(within(row('sent.txt')).queryByRole('button')).toBeNull()
    expect(within(row('lost.txt')).getByRole('alert').textContent).toBe(
      'The connection dropped while “lost.txt” was uploading. Retry checks the chat first, so the file is never posted twice.',
    )
    expect(within(row('old-portal.txt')).getByRole('alert').textContent).toContain('Ask your administrator to update the portal.')
    const user = userEvent.setup()
    await user.click(within(row('chosen.txt')).getByRole('button', { name: 'Remove chosen.txt' }))
    await user.click(within(row('going.txt')).getByRole('button', { name: 'Cancel uploading going.txt' }))
    await user.click(within(row('next.txt')).getByRole('button', { name: 'Cancel uploading next.txt' }))
    await user.click(within(row('lost.txt')).getByRole('button', { name: 'Retry' }))
    expect(done).toEqual(['remove chosen.txt', 'cancel going.txt', 'cancel next.txt', 'retry lost.txt'])
    // Nothing to retry or cancel while a file only waits for Send.
    expect(within(row('chosen.txt')).queryByRole('button', { name: 'Retry' })).toBeNull()
  })
})
