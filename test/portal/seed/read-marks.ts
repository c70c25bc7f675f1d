/** Unread messages: who has read what when the seed finishes. */
import type { Store } from '../state.ts'

const DEMO_CHAT_ID = 1001
/** Мария Иванова (user 2) has not read the newest messages of the demo task: `/task/1?user=2` opens at them. */
const DEMO_UNREAD_USER = 2
const DEMO_UNREAD_COUNT = 12

export function seedReadMarks(store: Store): void {
  // Everything seeded is read by every member, the benchmark chat's reserved ids included.
  store.readThrough = store.nextMessageId - 1
  const list = store.messagesOf(DEMO_CHAT_ID)
  const lastRead = list[list.length - DEMO_UNREAD_COUNT - 1]
  if (lastRead) store.readMarks.set(`${DEMO_CHAT_ID}:${DEMO_UNREAD_USER}`, lastRead.id)
}
