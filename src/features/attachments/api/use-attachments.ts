import { useMemo, useSyncExternalStore } from 'react'
import { usePortalClient } from '../../../platform/portal-context'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import { deliverOnce } from '../../../chat/deliver-once'
import { ownMessage } from '../../../chat/own-message'
import { AttachmentQueue, type Attachment } from './attachment-queue'
import type { Uploaded } from './upload-api'

/**
 * The composer's attachments for one task: an upload writes its message (with its file) into the
 * conversation at once, as a send does, and asks the live poll to look soon; the poll's copy of
 * the message replaces this one.
 */
export function useAttachments(conversation: ConversationHandle) {
  const client = usePortalClient()
  const { writeSent, pollSoon } = conversation
  const queue = useMemo(() => {
    const posted = new Set<number>()
    const landed = (item: Attachment, { messageId, file }: Uploaded) => {
      posted.add(messageId)
      const { chatId, userId } = item.target!
      writeSent({ ...ownMessage({ id: messageId, chatId, authorId: userId, date: new Date(), text: '', replyToId: null }), fileIds: [file.id] }, [file])
      pollSoon()
    }
    return new AttachmentQueue(
      async (item, transfer) => {
        const target = item.target
        if (!target) throw new Error('An attachment was queued without a chat')
        // Loaded with the first upload: not needed to read the chat.
        const [{ uploadFile }, { findUploaded }] = await Promise.all([import('./upload-api'), import('./find-uploaded')])
        const look = () => findUploaded(client, target.chatId, target.userId, item.file, target.baselineId, posted)
        const uploaded = await deliverOnce({
          write: () => uploadFile(client, target.chatId, item.file, transfer),
          look,
          outcomeUnknown: item.outcomeUnknown,
          cancelled: () => transfer.signal.aborted,
        })
        landed(item, uploaded)
      },
      // A cancelled upload may still have landed (its body was sent): the next poll shows it if so.
      (item) => item.target && pollSoon(),
    )
  }, [client, writeSent, pollSoon])
  const items = useSyncExternalStore(queue.subscribe, queue.get)
  return { items, queue }
}
