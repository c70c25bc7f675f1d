import type { Browser } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { openBenchPage } from './browser'
import {
  ARRIVAL_AUTHOR,
  ARRIVAL_GAP_MS,
  ARRIVAL_REACTOR,
  ARRIVAL_TASK,
  ARRIVAL_TIMEOUT_MS,
  ARRIVALS,
  EDIT_AUTHOR,
  EDIT_REACTOR,
  EDIT_STAGGER_MS,
  EDIT_TASK,
  EDIT_TIMEOUT_MS,
  IDLE_WARMUP_MS,
} from './config'
import { CHANGE_KINDS, timeChange, type ChangeKind, type ChangeRun } from './measure-changes'
import { openCard } from './measure-idle'
import { chatIdOf, postAs } from './portal-rest'
import type { AppSite } from './servers'

export interface ArrivalRun {
  /** Per message: its im.message.add was sent → the frame that first showed it; NaN if not within ARRIVAL_TIMEOUT_MS. */
  ms: number[]
  /** Changes to arrived messages while the conversation goes on: an edit, a reaction, a deletion. */
  changes: ChangeRun[]
}

const short = () => randomUUID().slice(0, 8)

/**
 * While the conversation goes on: after the message of this slot is posted, the message posted
 * two slots (6 s) earlier, shown by then, is changed. Edit and deletion by its author, a like by another member.
 */
const CHANGE_AT: ReadonlyMap<number, ChangeKind> = new Map([
  [3, 'edit'],
  [5, 'reaction'],
  [7, 'deletion'],
])

/**
 * A card open at the newest messages while another member writes ARRIVALS messages, one every
 * ARRIVAL_GAP_MS, each with a text of its own: how long each takes to show in the feed's viewport,
 * and how long changes to messages of the newest page take to show while it goes on.
 */
export async function arrivalRun(browser: Browser, site: AppSite): Promise<ArrivalRun> {
  const chatId = await chatIdOf(site.portal, ARRIVAL_TASK)
  const bench = await openBenchPage(browser, site.appOrigin, site.portal)
  const changer = { portal: site.portal, authorId: ARRIVAL_AUTHOR, reactorId: ARRIVAL_REACTOR }
  const seen: Promise<number>[] = []
  const changes: Promise<ChangeRun>[] = []
  try {
    await openCard(bench, site, ARRIVAL_TASK)
    const tag = short()
    const ids: number[] = []
    const started = Date.now()
    for (let i = 0; i < ARRIVALS; i++) {
      // The conversation keeps its pace whatever the app shows: the gap is the writer's, not a wait for the app.
      const slot = started + i * ARRIVAL_GAP_MS
      if (slot > Date.now()) await bench.page.waitForTimeout(slot - Date.now())
      const text = `Arrival check ${tag} #${i + 1}`
      const sentAt = Date.now()
      ids.push(await postAs(site.portal, ARRIVAL_AUTHOR, chatId, text))
      // Watching from the answer on: a frame already showing it still counts, at the first frame looked at.
      seen.push(bench.probe((p, a) => p.textShownAt(a.text, a.timeout), { text, timeout: ARRIVAL_TIMEOUT_MS }).then((at) => (at === null ? NaN : at - sentAt)))
      const kind = CHANGE_AT.get(i)
      if (kind) changes.push(timeChange(bench, changer, kind, ids[i - 2]!, `${tag} #${i - 1}`, EDIT_TIMEOUT_MS))
    }
    return { ms: await Promise.all(seen), changes: await Promise.all(changes) }
  } finally {
    // A post that failed ends the run: the watches still running end with the page, not as unhandled rejections.
    for (const watch of seen) watch.catch(() => {})
    await bench.close()
  }
}

/**
 * A card of the edit task for each `opened` (called once it has opened), each showing a message of
 * the edit author's own; after the idle warm-up (the card has gone quiet) and a stagger (cards
 * opened together meet their changes at different points of their poll), the message is changed,
 * each card another kind in turn (edit, deletion, reaction): how long the change takes to show.
 * The messages are all posted before any card opens, so no card's warm-up sees another's post.
 */
export async function quietChangeRuns(browser: Browser, site: AppSite, opened: (() => void)[]): Promise<ChangeRun[]> {
  const chatId = await chatIdOf(site.portal, EDIT_TASK)
  const changer = { portal: site.portal, authorId: EDIT_AUTHOR, reactorId: EDIT_REACTOR }
  const tags = opened.map(short)
  const ids: number[] = []
  for (const tag of tags) ids.push(await postAs(site.portal, EDIT_AUTHOR, chatId, `Edit check ${tag}: as first written`))
  return Promise.all(
    tags.map(async (tag, i): Promise<ChangeRun> => {
      const kind = CHANGE_KINDS[i % CHANGE_KINDS.length]!
      const bench = await openBenchPage(browser, site.appOrigin, site.portal)
      try {
        await openCard(bench, site, EDIT_TASK)
        opened[i]!()
        if ((await bench.probe((p, text) => p.textShownAt(text, 10_000), `Edit check ${tag}: as first written`)) === null)
          return { kind, ms: NaN, error: 'the message to change is not on screen' }
        await bench.page.waitForTimeout(IDLE_WARMUP_MS + i * EDIT_STAGGER_MS)
        return await timeChange(bench, changer, kind, ids[i]!, tag, EDIT_TIMEOUT_MS)
      } catch (error) {
        return { kind, ms: NaN, error: String(error).split('\n')[0] }
      } finally {
        opened[i]!()
        await bench.close()
      }
    }),
  )
}
