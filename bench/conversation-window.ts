import type { Browser } from '@playwright/test'
import { JUMP_BACK, RUNS } from './config'
import type { ChangeRun } from './measure-changes'
import { fiveCardsRun, idleRun, twoTabsRun, type FiveCardsRun, type IdleRun, type TwoTabsRun } from './measure-idle'
import { jumpRun, resultBack, type JumpRun } from './measure-jump'
import { arrivalRun, quietChangeRuns, type ArrivalRun } from './measure-live'
import { resetPortal, type AppSite } from './servers'

export interface ConversationResults {
  /** Messages between the newest and the one jumped to, as the portal counts them. */
  jumpBack: number
  jump: JumpRun[]
  idle: IdleRun[]
  twoTabs: TwoTabsRun[]
  arrivals: ArrivalRun[]
  /** An edit, a deletion or a reaction (one kind a card, in turn) by another user in a card gone quiet. */
  quietChanges: ChangeRun[]
  /** Cards of five tasks in one browser: one poller for them all. */
  fiveCards: FiveCardsRun[]
}

/** Cards that must be open before the timed steps start; each gets a callback (calling it again is harmless). */
function openings() {
  const all: Promise<void>[] = []
  return {
    expect(): () => void {
      let done!: () => void
      all.push(new Promise<void>((resolve) => (done = resolve)))
      return done
    },
    all: () => Promise.all(all),
  }
}

/**
 * Everything about a card left open while others talk, on its own portal (`site`): idle and hidden
 * tabs, two tabs of one chat, changes and arrivals in chats of their own, and the jumps. The idle
 * measurements are mostly waiting, so they share one window; arrivals and jumps run in turn inside
 * it, once every other card has opened (opening a dozen cards at once would time the CPU, not the app).
 * The result to jump to is made once: "Results only" of every jump run lists just it.
 * Then, once the chats of the changes and arrivals are quiet again, five cards of five tasks in one
 * browser. `jumps: false` (BENCH_ONLY=live) leaves the jumps out.
 */
export async function conversationWindow(browser: Browser, site: AppSite, { jumps = true } = {}): Promise<ConversationResults> {
  // The window stands for a dozen browsers, each at its own desk: every card has a bucket of its own
  // (per token), as it would behind its own address, not one shared by the whole bench.
  await resetPortal(site.portal, { rateLimitScope: 'token' })
  const target = jumps ? await resultBack(site.portal, JUMP_BACK) : { id: 0, back: 0 }
  const cards = openings()
  const runs = Array.from({ length: RUNS }, (_, i) => i)
  const idle = Promise.all(runs.map(() => idleRun(browser, site, [cards.expect(), cards.expect()])))
  const twoTabs = Promise.all(runs.map(() => twoTabsRun(browser, site, cards.expect())))
  const quietChanges = quietChangeRuns(
    browser,
    site,
    runs.map(() => cards.expect()),
  )
  // Each in turn, but jumps beside arrivals: an arrival waits for a poll, which a jump's work hardly delays.
  const inTurn = async <T>(run: () => Promise<T>): Promise<T[]> => {
    await cards.all()
    const done: T[] = []
    for (let i = 0; i < RUNS; i++) done.push(await run())
    return done
  }
  const [jump, arrivals] = await Promise.all([jumps ? inTurn(() => jumpRun(browser, site, target.id)) : [], inTurn(() => arrivalRun(browser, site))])
  const rest = { idle: await idle, twoTabs: await twoTabs, quietChanges: await quietChanges }
  // Side by side: each run is its own browser profile, so each has its own poller; their chats are quiet now.
  const fiveCards = await Promise.all(runs.map(() => fiveCardsRun(browser, site)))
  return { jumpBack: target.back, jump, arrivals, ...rest, fiveCards }
}
