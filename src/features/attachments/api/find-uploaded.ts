import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'
import { toChatFile, toMessage } from '../../../chat/map-history'
import { WireFile, WireMessage } from '../../../chat/wire'
import type { Uploaded } from './upload-api'

const Newer = v.looseObject({ messages: v.array(WireMessage), files: v.optional(v.array(WireFile), []) })

/**
 * Before uploading again a file whose last attempt had an unknown outcome (no answer, a server
 * error), look for it in the chat (im.dialog.messages.get, v2): a message of the user's above the
 * id the feed had when it was sent, carrying a file of the same name and size. So a retry never
 * posts the file twice.
 */
export async function findUploaded(
  client: PortalClient,
  chatId: number,
  userId: number,
  file: File,
  afterId: number,
  /** Messages this tab already posted: the same file sent twice on purpose is not its own copy. */
  known: ReadonlySet<number>,
): Promise<Uploaded | null> {
  const raw = await client.callV2('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, FIRST_ID: afterId, LIMIT: 50 })
  const page = v.parse(Newer, raw)
  const files = new Map(page.files.map((wire) => [wire.id, toChatFile(wire)]))
  // A FIRST_ID read comes in no set order (im/lib/chat.php asks for none): the oldest match is the first attempt's.
  for (const message of page.messages.map(toMessage).sort((a, b) => a.id - b.id)) {
    if (message.id <= afterId || message.authorId !== userId || known.has(message.id)) continue
    const match = message.fileIds.map((id) => files.get(id)).find((f) => f && f.name === file.name && f.size === file.size)
    if (match) return { messageId: message.id, file: match }
  }
  return null
}
