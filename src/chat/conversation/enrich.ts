import { backgroundPacer } from '../../b24/pacer'
import { isSettled } from '../../b24/portal-error'
import type { PortalClient } from '../../b24/portal-client'
import { toHistoryPage } from '../map-history'
import { dropPending, noteSearched, pendingIds } from './enrich-pending'
import { historySource, PAGE_LIMIT, rememberPlainHistory } from './history-source'
import { mapOlderPage, type Read } from './reads'
import type { Run } from './runs'

// Loaded only when a get read has left ids to re-read (enrich-pending.ts), never before the first message.
const running = new Set<number>()

/**
 * Pending ids in groups that are neighbours in the conversation (nothing known lies between them),
 * newest group first, each at most one search page: one search (LAST_ID = newest + 1, LIMIT = size)
 * then reads exactly that group.
 */
export function enrichGroups(runs: readonly Run[], ids: ReadonlySet<number>): number[][] {
  const groups: number[][] = []
  for (const run of runs) {
    let group: number[] = []
    for (const m of run.messages) {
      if (ids.has(m.id) && group.length < PAGE_LIMIT.search) group.push(m.id)
      else {
        if (group.length) groups.push(group)
        group = ids.has(m.id) ? [m.id] : []
      }
    }
    if (group.length) groups.push(group)
  }
  return groups.sort((a, b) => b.at(-1)! - a.at(-1)!)
}

interface EnrichDeps {
  client: PortalClient
  chatId: number
  runs(): readonly Run[]
  land(read: Read): void
}

/** One group read through search: what search read, as a read of the group's range only (it claims no chat start). */
async function readGroup({ client, chatId }: EnrichDeps, group: number[]): Promise<Read> {
  const lastId = group.at(-1)! + 1
  const params = { CHAT_ID: chatId, LIMIT: group.length, ORDER: { ID: 'DESC' }, LAST_ID: lastId }
  const read = mapOlderPage(toHistoryPage(await backgroundPacer(() => client.callV2('im.dialog.messages.search', params)), chatId), lastId)
  return { ...read, bySearch: true, run: { ...read.run, startReached: false, limitedByPlan: false } }
}

/**
 * Re-reads the pending ids through im.dialog.messages.search in the background, paced with the other
 * background reads, and lands each page as a read. Quiet: a failure leaves the ids for the next
 * occasion (the next get read that lands); a refusal of search is remembered and ends enriching.
 */
export async function enrich(deps: EnrichDeps): Promise<void> {
  const { chatId } = deps
  if (running.has(chatId)) return
  running.add(chatId)
  try {
    for (;;) {
      const set = pendingIds(chatId)
      if (historySource() === 'get' || !set?.size) return
      const runs = deps.runs()
      // Ids no longer in the conversation (closed, deleted) need nothing.
      for (const id of set) if (!runs.some((r) => r.messages.some((m) => m.id === id))) set.delete(id)
      const group = enrichGroups(runs, set)[0]
      if (!group) return
      const read = await readGroup(deps, group)
      for (const id of group) set.delete(id)
      // An empty page (all of it deleted meanwhile) claims nothing; the next get re-read drops them.
      if (read.run.messages.length > 0) {
        noteSearched(chatId, read)
        deps.land(read)
      }
    }
  } catch (error) {
    if (isSettled(error)) {
      rememberPlainHistory()
      dropPending(chatId)
    }
  } finally {
    running.delete(chatId)
  }
}
