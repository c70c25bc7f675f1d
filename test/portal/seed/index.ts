/** Builds the whole seed into a fresh store. Same output on every start. */
import { Store } from '../state.ts'
import { seedDemoChat } from './demo-chat.ts'
import { seedBenchChat, seedOtherChats } from './other-chats.ts'
import { seedPeople } from './people.ts'
import { seedReadMarks } from './read-marks.ts'

export function seedStore(): Store {
  const store = new Store()
  seedPeople(store)
  seedDemoChat(store)
  seedOtherChats(store)
  seedBenchChat(store)
  seedReadMarks(store)
  return store
}
