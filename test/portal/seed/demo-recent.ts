/**
 * The end of task 1's chat: a coherent recent conversation the newest page shows, with what a
 * real chat's newest page holds (a reply, a web quote, a file, a link preview, reactions of
 * several kinds including the card user's own, a sticker, a result notice with its attach).
 */
import { portalTime } from '../dates.ts'
import type { Rng } from '../prng.ts'
import type { MessageParams, MessageRec, Store } from '../state.ts'
import { eveningOf } from './demo-events.ts'
import { LINK_PREVIEWS, RECENT_CONVERSATION } from './demo-texts.ts'
import { react, stickerParams, urlPreview, webQuote } from './im-shapes.ts'
import * as n from './notices.ts'
import type { ChatWriter } from './writer.ts'

export function seedRecentConversation(store: Store, w: ChatWriter, rng: Rng, at: (t: number) => number): void {
  let time = portalTime(2026, 10, 30, 9, 5, 0)
  const posted: MessageRec[] = []
  for (const [author, text] of RECENT_CONVERSATION) {
    time += rng.int(60, 420)
    const date = at(time)
    let body = text
    let params: MessageParams = {}
    if (text.startsWith('New banner')) params['FILE_ID'] = [w.file(author, date, 'newsletter-banner-final.png').id]
    if (text.startsWith('I can make it')) params['REPLY_ID'] = posted[2]?.id
    if (text.startsWith('Booth materials') && posted[7]) body = webQuote(store, posted[7], date, text)
    const link = /https:\/\/\S+$/.exec(text)?.[0]
    const preview = link ? LINK_PREVIEWS[link] : undefined
    if (link && preview) params = { ...params, ...urlPreview(preview.id, link, preview.name, preview.desc) }
    posted.push(w.post(author, date, body, params))
    if (text.startsWith('Fixed the button colour')) posted.push(w.post(4, at((time += 40)), '', stickerParams(7, 1)))
  }
  const byText = (start: string): MessageRec | undefined => posted.find((m) => m.text.startsWith(start))
  const morning = byText('Good morning!')
  if (morning)
    react(
      morning,
      [
        [1, 'like'],
        [5, 'fire'],
        [7, 'like'],
      ],
      portalTime(2026, 10, 30, 9, 20),
    )
  const fixed = byText('Fixed the button colour')
  if (fixed)
    react(
      fixed,
      [
        [1, 'clappingHands'],
        [2, 'redHeart'],
        [4, 'like'],
      ],
      portalTime(2026, 10, 30, 11, 0),
    )
  const thanks = byText('Thanks all')
  if (thanks)
    react(
      thanks,
      [
        [2, 'like'],
        [3, 'laugh'],
      ],
      portalTime(2026, 10, 30, 17, 0),
    )
  // The task's status summary written in the card (NotifyResultAdded: text and files only in ATTACH).
  const summaryAt = at(portalTime(2026, 10, 31, 17, 30, 0))
  const summary = 'Launch is ready: landing page, ads, newsletter and booth checked.\nAds start tomorrow at 10:00.'
  w.cardResult(2, summaryAt, summary, [])
  w.notice(summaryAt, n.resultAdded(store, 2, summary, ['launch-checklist.pdf'], summaryAt))
  w.notice(at(portalTime(2026, 10, 31, 18, 0, 0)), n.deadlineChanged(store, 1, eveningOf(portalTime(2026, 11, 20))))
}
