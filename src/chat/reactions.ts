import type { Message, Reaction } from './types'

/**
 * A message's reactions as the feed shows them: the reader's own where the page brought them
 * (search), else its LIKE list as likes (im.dialog.messages.get knows no other kind). A LIKE with
 * no reaction at all beside it is likes too: likes given before the portal had reactions have no
 * b_im_reaction rows, and a portal may answer `reactions: []` without looking.
 */
export function reactionsOf(message: Message, viewerId: number): Reaction[] {
  if (message.reactions?.length) return message.reactions
  if (message.likedBy.length === 0) return []
  return [{ code: 'like', count: message.likedBy.length, userIds: message.likedBy, own: message.likedBy.includes(viewerId) }]
}

/** Whether the viewer's Like is pressed: their own `like` reaction, or their id in LIKE where kinds are unknown. */
export function likedByViewer(message: Message, viewerId: number): boolean {
  return reactionsOf(message, viewerId).some((r) => r.code === 'like' && r.own)
}

/** The viewer's like given or taken back, in the reactions too when they are known. */
export function withOwnLike(reactions: readonly Reaction[], userId: number, like: boolean): Reaction[] {
  const others = reactions.filter((r) => r.code !== 'like')
  const current = reactions.find((r) => r.code === 'like')
  const users = (current?.userIds ?? []).filter((id) => id !== userId)
  const count = Math.max(0, (current?.count ?? 0) - (current?.own ? 1 : 0)) + (like ? 1 : 0)
  if (count === 0) return others
  const next: Reaction = { code: 'like', count, userIds: like ? [...users, userId] : users, own: like }
  return current ? reactions.map((r) => (r === current ? next : r)) : [next, ...others]
}
