import type { PortalClient } from '../../../b24/portal-client'
import { findLanded } from '../../../chat/deliver-once'
import type { Uploaded } from './upload-api'

/**
 * Before uploading again a file whose last attempt had an unknown outcome (no answer, a server
 * error), look for it in the chat: a message of the user's above the id the feed had when it was
 * sent, carrying a file of the same name and size. So a retry never posts the file twice.
 */
export function findUploaded(
  client: PortalClient,
  chatId: number,
  userId: number,
  file: File,
  afterId: number,
  /** Messages this tab already posted: the same file sent twice on purpose is not its own copy. */
  known: ReadonlySet<number>,
): Promise<Uploaded | null> {
  return findLanded(client, chatId, afterId, (message, files) => {
    if (message.authorId !== userId || known.has(message.id)) return null
    const match = message.fileIds.map((id) => files.get(id)).find((f) => f && f.name === file.name && f.size === file.size)
    return match ? { messageId: message.id, file: match } : null
  })
}
