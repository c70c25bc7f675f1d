/**
 * Task 1's chat (1001): about eight months of a marketing team's task, ending 2026-10-31, shaped as
 * Bitrix24 writes it. The task is older than task chats, so the chat opens with the notices the
 * server posts when it creates a chat for an existing task (KEYBOARD links to the old comments and
 * the old chat); there are no "joined" messages (tasks/lib/V2/Internal/Integration/Im/Chat.php
 * creates the chat with SKIP_ADD_MESSAGE and adds members silently). Most messages are the tasks
 * module's notices (demo-events.ts, notices.ts); people's messages carry replies, web quotes,
 * mentions, links with previews, files, reactions, a sticker, forwards, edits and deletions.
 * Deterministic: the same seed always yields the same ids, texts and dates.
 */
import { portalIso, portalTime } from '../dates.ts'
import { createRng, type Rng } from '../prng.ts'
import type { MessageParams, MessageRec, Store } from '../state.ts'
import { eveningOf, TaskStory } from './demo-events.ts'
import { CODE_SNIPPETS, DOC_NAMES, IMAGE_NAMES, LINKS, LINK_PREVIEWS, sentenceFrom } from './demo-texts.ts'
import { forwardParams, react, stickerParams, urlPreview, webQuote } from './im-shapes.ts'
import * as n from './notices.ts'
import { seedRecentConversation } from './demo-recent.ts'
import { ChatWriter } from './writer.ts'

const CHAT_ID = 1001
/** The chat the task's discussion lived in before task chats (NotifyTaskHasLegacyChat's link). */
const LEGACY_CHAT_ID = 412
const MEMBERS = [1, 2, 3, 4, 5, 6, 7]
/** Talkative people speak more often. */
const AUTHOR_WEIGHTS = [1, 1, 1, 2, 2, 2, 2, 3, 4, 5, 5, 5, 6, 7, 7]
/** What im.message.delete leaves: the text IM_MESSAGE_DELETED and only IS_DELETED (SoftDeletionStrategy resets the params). */
export const DELETED_TEXT = 'This message has been deleted.'
/** Human-message ordinals that become results (made from the message); authors alternate between users 1 and 2. */
const RESULT_ORDINALS = [400, 950, 1500, 2050]
/** Ordinals of a sticker and of forwards of an older message. */
const STICKER_ORDINALS = [120, 900, 1500]
const FORWARD_ORDINALS = [700, 1800]
/** Share of the chat's events that are the tasks module's notices: a real task chat is mostly notices. */
const NOTICE_SHARE = 0.6
/** Reaction kinds (ui/lib/Public/Enum/Reaction/ReactionName.php), likes the most common. */
const REACTIONS = ['like', 'like', 'like', 'like', 'redHeart', 'laugh', 'fire', 'wonder', 'clappingHands', 'kiss', 'cry', 'facepalm', 'angry']

/** Wrap a sentence in one of the forms people write; `k` cycles so every form is used regularly. */
function decorate(store: Store, rng: Rng, k: number, text: string, previous: MessageRec | undefined, date: number): { text: string; params: MessageParams } {
  const other = rng.pick(MEMBERS)
  const lower = `${text.charAt(0).toLowerCase()}${text.slice(1)}`
  const t = (value: string): { text: string; params: MessageParams } => ({ text: value, params: {} })
  switch (k % 17) {
    case 1:
      return t(`[b]Important:[/b] ${text}`)
    case 2:
      return t(`${text} [i]Not urgent.[/i]`)
    case 3:
      return t(`[u]Action item[/u]: ${text}`)
    case 4:
      return t(`${text} Launch date is [s]March 20[/s] March 27.`)
    case 5:
      return t(`${text} [url]${rng.pick(LINKS)}[/url]`)
    case 6:
      return t(`${text} Details: [url=${rng.pick(LINKS)}]in the doc[/url]`)
    case 7:
      // The web messenger's mention (im.v2 Utils.text.getMentionBbCode): the id and the name.
      return t(`${n.user(store, other)}, ${lower}`)
    case 8:
      return t(previous ? `>>${previous.text.split('\n')[0] ?? ''}\n${text}` : text)
    case 9:
      return t(previous && previous.text !== '' ? webQuote(store, previous, date, text) : text)
    case 10:
      return t(`${text}\n[code]${rng.pick(CODE_SNIPPETS)}[/code]`)
    case 11:
      return t(`[color=#d9534f]${text}[/color]`)
    case 12:
      return t(`[size=18]${text}[/size]`)
    case 13:
      return t(`${text}[br]${sentenceFrom(rng)}`)
    case 14:
      return t(`${text}\n${sentenceFrom(rng)}\n${sentenceFrom(rng)}`)
    case 15: {
      // A bare link: the messenger stores the preview it found (URL_ID and a RICH_LINK attach).
      const link = rng.pick(LINKS)
      const preview = LINK_PREVIEWS[link]
      return { text: `${text} ${link}`, params: preview ? urlPreview(preview.id, link, preview.name, preview.desc) : {} }
    }
    case 16:
      // A mention without a name, as API clients post it; the legacy reader fills the name in.
      return t(`[USER=${other}][/USER] ${text}`)
    default:
      return t(text)
  }
}

export function seedDemoChat(store: Store): void {
  const rng = createRng(20260302)
  const w = new ChatWriter(store, CHAT_ID, rng)
  const story = new TaskStory(store, w, rng)
  let last = portalTime(2026, 3, 2, 9, 0, 0)
  const at = (t: number): number => (last = Math.max(t, last + 1))
  const humans: MessageRec[] = []
  let ordinal = 0
  let decoration = 0
  let resultIndex = 0
  const resultOrdinals = [...RESULT_ORDINALS]

  // CreateChatForExistingTaskHandler::notifyForNewChat: old comments, old chat, then "created".
  w.notice(at(last), n.taskHasForumComments(1))
  w.notice(at(last), n.taskHasLegacyChat(LEGACY_CHAT_ID))
  w.notice(at(last), n.chatCreatedForExistingTask())
  last = story.begin(at(last + 600), eveningOf(portalTime(2026, 3, 27)))

  for (let day = portalTime(2026, 3, 2); day < portalTime(2026, 10, 30); day += 86_400) {
    const weekday = new Date((day + 3 * 3600) * 1000).getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    const count = weekend ? rng.int(0, 4) : rng.int(22, 40)
    last = story.oneOff(at(day + 8 * 3600 + 1800), portalIso(day).slice(0, 10))
    const times = Array.from({ length: count }, () => day + rng.int(9 * 3600, 19 * 3600 + 1800)).sort((a, b) => a - b)
    for (const time of times) {
      if (rng.chance(NOTICE_SHARE)) {
        last = story.event(at(time))
        continue
      }
      const author = rng.pick(AUTHOR_WEIGHTS)
      const date = at(time)
      const previous = humans[humans.length - 1]
      let params: MessageParams = {}
      let text: string
      if (rng.chance(0.004)) {
        text = DELETED_TEXT
        params['IS_DELETED'] = 'Y'
      } else if (STICKER_ORDINALS.includes(ordinal + 1)) {
        text = ''
        params = stickerParams(rng.int(1, 20), 1)
      } else if (FORWARD_ORDINALS.includes(ordinal + 1)) {
        const original = rng.pick(humans.slice(-200, -20).filter((m) => m.authorId !== author && m.text !== '' && !m.params['FORWARD_ID']))
        text = original.text
        params = forwardParams(original)
      } else if (rng.chance(0.04)) {
        const names = rng.chance(0.5) ? [rng.pick(IMAGE_NAMES)] : [rng.pick(DOC_NAMES), ...(rng.chance(0.3) ? [rng.pick(IMAGE_NAMES)] : [])]
        params['FILE_ID'] = names.map((name) => w.file(author, date, name).id)
        text = rng.chance(0.5) ? '' : sentenceFrom(rng)
      } else {
        const decorated = rng.chance(0.45) ? decorate(store, rng, ++decoration, sentenceFrom(rng), previous, date) : { text: sentenceFrom(rng), params: {} }
        text = decorated.text
        params = { ...decorated.params }
        if (rng.chance(0.02)) params['IS_EDITED'] = 'Y'
        if (rng.chance(0.05) && humans.length > 5) params['REPLY_ID'] = rng.pick(humans.slice(-20)).id
      }
      const message = w.post(author, date, text, params)
      if (params['IS_DELETED']) continue
      if (rng.chance(0.07)) reactTo(message, rng, author, date)
      humans.push(message)
      ordinal++
      if (ordinal === resultOrdinals[resultIndex] && text !== '' && !params['STICKER_PARAMS']) {
        const resultAuthor = resultIndex % 2 === 0 ? 1 : 2
        const when = at(date + 300)
        w.result(message.id, resultAuthor, when)
        w.notice(when, n.resultFromMessage(store, resultAuthor, when))
        resultIndex++
      } else if (ordinal === resultOrdinals[resultIndex]) {
        // An attachment-only message is a poor result; take the next one instead.
        resultOrdinals[resultIndex] = ordinal + 1
      }
    }
    if (day === portalTime(2026, 9, 14)) cardResult(store, w, at(day + 18 * 3600))
  }
  last = story.settle(at(last + 3600))
  seedRecentConversation(store, w, rng, at)
}

function reactTo(message: MessageRec, rng: Rng, author: number, date: number): void {
  const others = MEMBERS.filter((id) => id !== author)
  const count = rng.int(1, 4)
  const reactors = Array.from({ length: count }, () => rng.pick(others)).filter((v, i, a) => a.indexOf(v) === i)
  react(
    message,
    reactors.map((id) => [id, rng.pick(REACTIONS)] as const),
    date + rng.int(60, 3600),
  )
}

/** A result written in the task card, announced by NotifyResultAdded with the text and files in ATTACH. */
function cardResult(store: Store, w: ChatWriter, date: number): void {
  const text = 'Q3 wave is live: landing page, newsletter and booth are done.\nConversion 3.4% against 2.8% planned; see the report.'
  const files = ['q3-campaign-report.pdf', 'conversion-by-channel.xlsx']
  const by = 1
  // The result's files are disk files of the result, not chat files; the notice names them.
  w.cardResult(by, date, text, [])
  w.notice(date, n.resultAdded(store, by, text, files, date))
}
