import type { Browser } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { openBenchPage } from './browser'
import {
  ARRIVAL_AUTHOR,
  ARRIVAL_GAP_MS,
  ARRIVAL_TASK,
  ARRIVAL_TIMEOUT_MS,
  ARRIVALS,
  EDIT_AUTHOR,
  EDIT_STAGGER_MS,
  EDIT_TASK,
  EDIT_TIMEOUT_MS,
  IDLE_WARMUP_MS,
} from './config'
import { openCard } from './measure-idle'
import { chatIdOf, editAs, postAs } from './portal-rest'
import type { AppSite } from './servers'

export interface ArrivalRun {
  /** Per message: its im.message.add was sent → the frame that first showed it; NaN if not within ARRIVAL_TIMEOUT_MS. */
  ms: number[]
}

export interface EditRun {
  /** im.message.update sent → the frame that first showed the new text; NaN if not within EDIT_TIMEOUT_MS. */
  ms: number
  error?: string
}

const short = () => randomUUID().slice(0, 8)

/**
 * A card open at the newest messages while another member writes ARRIVALS messages, one every
 * ARRIVAL_GAP_MS, each with a text of its own: how long each takes to show in the feed's viewport.
 */
export async function arrivalRun(browser: Browser, site: AppSite): Promise<ArrivalRun> {
  const chatId = await chatIdOf(site.portal, ARRIVAL_TASK)
  const bench = await openBenchPage(browser, site.appOrigin, site.portal)
  try {
    await openCard(bench, site, ARRIVAL_TASK)
    const tag = short()
    const seen: Promise<number>[] = []
    const started = Date.now()
    for (let i = 0; i < ARRIVALS; i++) {
      // The conversation keeps its pace whatever the app shows: the gap is the writer's, not a wait for the app.
      const slot = started + i * ARRIVAL_GAP_MS
      if (slot > Date.now()) await bench.page.waitForTimeout(slot - Date.now())
      const text = `Arrival check ${tag} #${i + 1}`
      const sentAt = Date.now()
      await postAs(site.portal, ARRIVAL_AUTHOR, chatId, text)
      // Watching from the answer on: a frame already showing it still counts, at the first frame looked at.
      seen.push(bench.probe((p, a) => p.textShownAt(a.text, a.timeout), { text, timeout: ARRIVAL_TIMEOUT_MS }).then((at) => (at === null ? NaN : at - sentAt)))
    }
    return { ms: await Promise.all(seen) }
  } finally {
    await bench.close()
  }
}

/**
 * A card of the edit task for each `opened` (called once it has opened), each showing a message of the edit author's own; after the idle
 * warm-up (the card has gone quiet) and a stagger (cards opened together meet their edits at
 * different points of their poll), the author edits it: how long the new text takes to show.
 * The messages are all posted before any card opens, so no card's warm-up sees another's post.
 */
export async function editRuns(browser: Browser, site: AppSite, opened: (() => void)[]): Promise<EditRun[]> {
  const chatId = await chatIdOf(site.portal, EDIT_TASK)
  const tags = opened.map(short)
  const ids: number[] = []
  for (const tag of tags) ids.push(await postAs(site.portal, EDIT_AUTHOR, chatId, `Edit check ${tag}: as first written`))
  return Promise.all(
    tags.map(async (tag, i): Promise<EditRun> => {
      const bench = await openBenchPage(browser, site.appOrigin, site.portal)
      try {
        await openCard(bench, site, EDIT_TASK)
        opened[i]!()
        if ((await bench.probe((p, text) => p.textShownAt(text, 10_000), `Edit check ${tag}: as first written`)) === null)
          return { ms: NaN, error: 'the message to edit is not on screen' }
        await bench.page.waitForTimeout(IDLE_WARMUP_MS + i * EDIT_STAGGER_MS)
        const text = `Edit check ${tag}: edited`
        const sentAt = Date.now()
        await editAs(site.portal, EDIT_AUTHOR, ids[i]!, text)
        const at = await bench.probe((p, a) => p.textShownAt(a.text, a.timeout), { text, timeout: EDIT_TIMEOUT_MS })
        return { ms: at === null ? NaN : at - sentAt }
      } catch (error) {
        return { ms: NaN, error: String(error).split('\n')[0] }
      } finally {
        opened[i]!()
        await bench.close()
      }
    }),
  )
}
