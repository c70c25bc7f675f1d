/**
 * The smaller chats: a confidential task (3), a task whose chat excludes user 1 (4), a chat
 * whose newest 120 messages are all system messages (5), an empty chat (6), a chat whose newest
 * 1,500 messages are all automation notices (7), and the lazily
 * generated 100,000-message benchmark chat (100 → 1100).
 */
import { portalTime } from '../dates.ts'
import { createRng } from '../prng.ts'
import type { Store } from '../state.ts'
import { CHECKLIST_ITEMS, sentenceFrom } from './demo-texts.ts'
import * as n from './notices.ts'
import { ChatWriter } from './writer.ts'

function chatter(store: Store, chatId: number, seed: number, authors: number[], count: number, start: number, step: number): number {
  const rng = createRng(seed)
  const w = new ChatWriter(store, chatId, rng)
  let time = start
  for (let i = 0; i < count; i++) {
    time += rng.int(Math.floor(step / 2), step)
    w.post(rng.pick(authors), time, sentenceFrom(rng))
  }
  return time
}

export function seedOtherChats(store: Store): void {
  const hr = new ChatWriter(store, 1003, createRng(3))
  hr.notice(portalTime(2026, 6, 10, 10), n.taskCreated(store, 8, 3))
  chatter(store, 1003, 31, [2, 6, 8], 20, portalTime(2026, 6, 10, 10), 7200)

  const vendor = new ChatWriter(store, 1004, createRng(4))
  vendor.notice(portalTime(2026, 7, 14, 10), n.taskCreated(store, 3, 4))
  chatter(store, 1004, 41, [3, 4, 8], 40, portalTime(2026, 7, 14, 10), 14_400)

  // Office move: 180 ordinary messages, then 120 system notices in a row (checklist progress),
  // so a feed that hides system messages must page back past them to find anything to show.
  const move = new ChatWriter(store, 1005, createRng(5))
  let time = portalTime(2026, 8, 3, 9)
  move.notice(time, n.taskCreated(store, 6, 5))
  time = chatter(store, 1005, 51, [1, 2, 4, 6], 179, time, 3600)
  const rng = createRng(52)
  for (let i = 0; i < 120; i++) {
    time += rng.int(600, 5400)
    const who = rng.pick([1, 2, 4, 6])
    const item = `${CHECKLIST_ITEMS[i % CHECKLIST_ITEMS.length] ?? ''} (${Math.floor(i / CHECKLIST_ITEMS.length) + 1})`
    move.notice(time, n.checklistItemCompleted(store, who, item, 'Moving day'))
  }
  // Chat 1006 (task 6) exists and stays empty.

  // Automation-heavy task: 100 ordinary messages, then 1,500 robot notices in a row: more than
  // any bounded auto-load of a feed that hides system messages goes through in one burst.
  const robots = new ChatWriter(store, 1007, createRng(7))
  time = portalTime(2026, 5, 4, 9)
  robots.notice(time, n.taskCreated(store, 5, 7))
  time = chatter(store, 1007, 71, [1, 5, 7], 99, time, 3600)
  for (let i = 0; i < 1_500; i++) {
    time += 3600
    robots.system(time, `Automation rule "Nightly report" ran: ${i % 7 === 0 ? 'report sent to 4 recipients' : 'no changes'}`)
  }
}

const BENCH_CHAT_ID = 1100
const BENCH_COUNT = 100_000

/** Reserves ids now; the 100,000 messages themselves are built the first time anyone reads them. */
export function seedBenchChat(store: Store): void {
  store.reserveLazyChat(BENCH_CHAT_ID, BENCH_COUNT, (target, id) => {
    const rng = createRng(100)
    const authors = [1, 2, 3, 5]
    const start = portalTime(2024, 1, 1, 9)
    const span = portalTime(2026, 10, 31, 18) - start
    for (let i = 0; i < BENCH_COUNT; i++) {
      const date = start + Math.floor((span * i) / BENCH_COUNT)
      const system = i % 12 === 0
      target.addMessage({
        id: id + i,
        chatId: BENCH_CHAT_ID,
        authorId: system ? 0 : (authors[i % authors.length] ?? 1),
        date,
        text: system ? `Status report #${i / 12}: all checks passed` : `#${i + 1} ${sentenceFrom(rng)}`,
        params: system ? { NOTIFY: 'N' } : {},
        uuid: null,
      })
    }
  })
}
