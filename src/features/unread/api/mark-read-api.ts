import * as v from 'valibot'
import { backgroundPacer } from '../../../b24/pacer'
import type { PortalClient } from '../../../b24/portal-client'

/** im-dialog-read.md: `{dialogId, chatId, lastId, counter}`, or `false` when the user has no access to the chat. */
const WireDialogRead = v.union([v.literal(false), v.looseObject({ lastId: v.nullish(v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))])) })])

/**
 * im.dialog.read (v2): the viewer has read the chat up to `messageId`. Answers the portal's read
 * mark after the call (at least `messageId`), or null when the portal says the chat is not theirs.
 * A background request: paced with history pages and polls.
 */
export async function markRead(client: PortalClient, chatId: number, messageId: number): Promise<number | null> {
  const raw = await backgroundPacer(() => client.writeV2('im.dialog.read', { DIALOG_ID: `chat${chatId}`, MESSAGE_ID: messageId }))
  const answer = v.parse(WireDialogRead, raw)
  if (answer === false) return null
  return Math.max(Number(answer.lastId ?? 0), messageId)
}
