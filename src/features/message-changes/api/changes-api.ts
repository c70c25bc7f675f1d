import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'

/** The three methods answer `true` when they did what was asked (their doc pages, "Returned Data"). */
const Done = v.literal(true)

/**
 * im.message.update (v2): new text for the user's own message. Never called with empty text: the
 * page says an empty MESSAGE deletes the message (the app asks and deletes instead).
 */
export async function updateMessage(client: PortalClient, messageId: number, text: string): Promise<void> {
  if (text.trim() === '') throw new Error('An empty edit would delete the message')
  v.parse(Done, await client.writeV2('im.message.update', { MESSAGE_ID: messageId, MESSAGE: text }))
}

/** im.message.delete (v2): the user's own message (or any, for the chat's administrator). */
export async function deleteMessage(client: PortalClient, messageId: number): Promise<void> {
  v.parse(Done, await client.writeV2('im.message.delete', { MESSAGE_ID: messageId }))
}

/**
 * im.message.like (v2) with an explicit ACTION (`plus` or `minus`, not the page's toggling `auto`):
 * two quick clicks then mean what the user saw, whatever another tab did meanwhile.
 */
export async function likeMessage(client: PortalClient, messageId: number, like: boolean): Promise<void> {
  v.parse(Done, await client.writeV2('im.message.like', { MESSAGE_ID: messageId, ACTION: like ? 'plus' : 'minus' }))
}
