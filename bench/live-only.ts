import type { Browser } from '@playwright/test'
import { conversationRows, fiveCardsRows } from './budgets-conversation'
import { conversationWindow } from './conversation-window'
import { textTable } from './report'
import type { BenchServers } from './servers'

/**
 * `BENCH_ONLY=live npm run bench`: the live figures without the rest of the bench:
 * idle and hidden cards (8), two tabs of one chat (10), others' messages and changes while a
 * conversation goes on (11), changes in a quiet card (12), five cards of five tasks (14). Without
 * the jumps (9). Prints the rows; writes no results and leaves the README alone.
 */
export async function liveOnly(browser: Browser, servers: BenchServers, step: (what: string) => void): Promise<void> {
  step('live figures: idle, hidden and two-tab cards, changes in quiet cards, arrivals with changes, then five cards of five tasks')
  const c = await conversationWindow(browser, servers.conversation, { jumps: false })
  console.log(JSON.stringify(c, null, 2))
  console.log(`\n${textTable([...conversationRows(c), ...fiveCardsRows(c)])}\n`)
}
