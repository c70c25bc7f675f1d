import { describe, expect, it } from 'vitest'
import { PortalError } from '../../../b24/portal-error'
import { AttachmentQueue, type Attachment, type Transfer } from './attachment-queue'

const target = { chatId: 1001, userId: 1, baselineId: 10 }
const file = (name: string, size = 3) => new File(['x'.repeat(size)], name)

/** A deliver step the test settles by hand: what the queue asked for, in order, with its transfer. */
function controlledDeliver() {
  const calls: { item: Attachment; transfer: Transfer; resolve(): void; reject(error: unknown): void }[] = []
  const deliver = (item: Attachment, transfer: Transfer) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ item, transfer, resolve, reject })
      transfer.signal.addEventListener('abort', () => reject(new PortalError('unknown', 'ERR_CANCELED', 'canceled')))
    })
  return { calls, deliver }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the attachment queue', () => {
  it('uploads what was chosen one at a time, in order, reporting progress; an uploaded file leaves the list', async () => {
    const { calls, deliver } = controlledDeliver()
    const queue = new AttachmentQueue(deliver)
    queue.add([file('a.txt'), file('b.txt')])
    expect(queue.get().map((i) => i.status)).toEqual(['ready', 'ready'])
    queue.send(target)
    await settle()
    expect(calls.map((c) => c.item.file.name)).toEqual(['a.txt'])
    expect(queue.get().map((i) => i.status)).toEqual(['uploading', 'queued'])
    calls[0]!.transfer.onProgress(50, 200)
    expect(queue.get()[0]!.progress).toBe(0.25)
    calls[0]!.resolve()
    await settle()
    expect(calls.map((c) => c.item.file.name)).toEqual(['a.txt', 'b.txt'])
    expect(calls[1]!.item.target).toEqual(target)
    calls[1]!.resolve()
    await settle()
    expect(queue.get()).toEqual([])
  })

  it('refuses a file over the limit before anything is sent, and does not send it', async () => {
    const { calls, deliver } = controlledDeliver()
    const queue = new AttachmentQueue(deliver)
    queue.add([file('big.bin', 11), file('empty.txt', 0)], 10)
    queue.send(target)
    await settle()
    expect(queue.get().map((i) => [i.status, i.refusal])).toEqual([
      ['refused', 'too-large'],
      ['refused', 'empty'],
    ])
    expect(calls).toHaveLength(0)
  })

  it('keeps a failed upload with its reason; after a lost answer the retry is marked to look in the chat first', async () => {
    const { calls, deliver } = controlledDeliver()
    const queue = new AttachmentQueue(deliver)
    queue.add([file('a.txt')])
    queue.send(target)
    await settle()
    calls[0]!.reject(new PortalError('network', 'NETWORK_ERROR', 'Network connection failed'))
    await settle()
    expect(queue.get()[0]).toMatchObject({ status: 'failed', error: { kind: 'network', code: 'NETWORK_ERROR' }, outcomeUnknown: true })
    queue.retry(queue.get()[0]!.id)
    await settle()
    expect(calls[1]!.item.outcomeUnknown).toBe(true)
    calls[1]!.reject(new PortalError('invalid', 'FILE_TOO_LARGE', 'File is too large'))
    await settle()
    // Still unknown: the first attempt may have landed, whatever the second was told.
    expect(queue.get()[0]).toMatchObject({ status: 'failed', error: { code: 'FILE_TOO_LARGE' }, outcomeUnknown: true })
  })

  it('Cancel aborts the upload under way and takes it out, and the next file goes', async () => {
    const { calls, deliver } = controlledDeliver()
    const cancelled: string[] = []
    const queue = new AttachmentQueue(deliver, (item) => cancelled.push(item.file.name))
    queue.add([file('a.txt'), file('b.txt')])
    queue.send(target)
    await settle()
    queue.cancel(queue.get()[0]!.id)
    await settle()
    expect(calls[0]!.transfer.signal.aborted).toBe(true)
    expect(cancelled).toEqual(['a.txt'])
    expect(queue.get().map((i) => [i.file.name, i.status])).toEqual([['b.txt', 'uploading']])
  })
})
