/**
 * The v2 reader's `reactions` and `usersShort` (im/lib/V2/Message/Reaction/ReactionMessages.php,
 * ReactionMessage.php; im/lib/V2/Entity/User/User.php USER_SHORT_FORMAT): one entry per message of the
 * page that has reactions, in page order: {messageId, reactionCounters {code: count},
 * reactionUsers {code: [userId...]}, ownReactions [code...]}. reactionUsers names the users of a
 * reaction only while its count is at most COUNT_DISPLAYED_USERS (5); an object with no names is `[]`
 * as PHP encodes an empty array. usersShort is {id, name, avatar, color, type} of every named user.
 */
import type { MessageRec, Store } from '../state.ts'
import { avatarUrl } from './format.ts'

const COUNT_DISPLAYED_USERS = 5

export function reactionsOf(page: readonly MessageRec[], viewerId: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const message of page) {
    const list = message.reactions ?? []
    if (list.length === 0) continue
    const counters: Record<string, number> = {}
    const users: Record<string, number[]> = {}
    const own: string[] = []
    for (const { reaction, userId } of list) {
      counters[reaction] = (counters[reaction] ?? 0) + 1
      ;(users[reaction] ??= []).push(userId)
      if (userId === viewerId && !own.includes(reaction)) own.push(reaction)
    }
    const shown: Record<string, number[]> = {}
    for (const [reaction, ids] of Object.entries(users)) if (ids.length <= COUNT_DISPLAYED_USERS) shown[reaction] = ids
    out.push({
      messageId: message.id,
      reactionCounters: counters,
      reactionUsers: Object.keys(shown).length > 0 ? shown : [],
      ownReactions: own,
    })
  }
  return out
}

export function usersShortOf(reactions: readonly Record<string, unknown>[], store: Store, origin: string): Record<string, unknown>[] {
  const ids = new Set<number>()
  for (const entry of reactions) {
    const users = entry['reactionUsers']
    if (users && !Array.isArray(users)) for (const list of Object.values(users as Record<string, number[]>)) for (const id of list) ids.add(id)
  }
  return [...ids].flatMap((id) => {
    const user = store.users.get(id)
    if (!user) return []
    return [{ id, name: store.userName(id), avatar: avatarUrl(user, origin), color: user.color, type: user.bot ? 'bot' : 'user' }]
  })
}
