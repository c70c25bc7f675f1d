/**
 * Task 1's chat (1001): about eight months of a marketing team's conversation, ending
 * 2026-10-30. Deterministic: the same seed always yields the same ids, texts and dates.
 */
import { portalIso, portalTime } from '../dates.ts'
import { createRng, type Rng } from '../prng.ts'
import type { MessageRec, Store } from '../state.ts'
import { mention } from './people.ts'
import { CODE_SNIPPETS, DOC_NAMES, IMAGE_NAMES, LINKS, RECENT_CONVERSATION, sentenceFrom, STATUS_NAMES } from './demo-texts.ts'
import { ChatWriter } from './writer.ts'

const CHAT_ID = 1001
const MEMBERS = [1, 2, 3, 4, 5, 6, 7]
/** Talkative people speak more often. */
const AUTHOR_WEIGHTS = [1, 1, 1, 2, 2, 2, 2, 3, 4, 5, 5, 5, 6, 7, 7]
const DASHES = '-'.repeat(54)
export const DELETED_TEXT = 'This message has been deleted.'
/** Human-message ordinals that become results; authors alternate between users 1 and 2. */
const RESULT_ORDINALS = [450, 1350, 2250, 3150, 4050, 4620]

const sentence = sentenceFrom

function shortDate(unix: number): string {
  const iso = portalIso(unix)
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`
}

/** Wrap a sentence in one of the BB codes; `n` cycles so every code is used regularly. */
function decorate(store: Store, rng: Rng, n: number, text: string, previous: MessageRec | undefined): string {
  const other = rng.pick(MEMBERS)
  switch (n % 17) {
    case 1:
      return `[b]Important:[/b] ${text}`
    case 2:
      return `${text} [i]Not urgent.[/i]`
    case 3:
      return `[u]Action item[/u]: ${text}`
    case 4:
      return `${text} Launch date is [s]March 20[/s] March 27.`
    case 5:
      return `${text} [url]${rng.pick(LINKS)}[/url]`
    case 6:
      return `${text} Details: [url=${rng.pick(LINKS)}]in the doc[/url]`
    case 7:
      return `[USER=${other}]${store.userName(other)}[/USER], ${text.charAt(0).toLowerCase()}${text.slice(1)}`
    case 8:
      return previous ? `>>${previous.text.split('\n')[0] ?? ''}\n${text}` : text
    case 9:
      return previous ? `${DASHES}\n${store.userName(previous.authorId)} [${shortDate(previous.date)}]\n${previous.text}\n${DASHES}\n${text}` : text
    case 10:
      return `${text}\n[code]${rng.pick(CODE_SNIPPETS)}[/code]`
    case 11:
      return `[color=#d9534f]${text}[/color]`
    case 12:
      return `[size=18]${text}[/size]`
    case 13:
      return `${text}[br]${sentence(rng)}`
    case 14:
      return `${text}\n${sentence(rng)}\n${sentence(rng)}`
    case 15:
      return `${text} ${rng.pick(LINKS)}`
    case 16:
      return `${mention(store, other)} ${text}`
    default:
      return text
  }
}

export function seedDemoChat(store: Store): void {
  const rng = createRng(20260302)
  const w = new ChatWriter(store, CHAT_ID, rng)
  let last = portalTime(2026, 3, 2, 9, 0, 0)
  const at = (t: number): number => (last = Math.max(t, last + 1))
  const humans: MessageRec[] = []
  let ordinal = 0
  let decoration = 0
  let resultIndex = 0
  const resultOrdinals = [...RESULT_ORDINALS]

  w.system(at(last), `${mention(store, 1)} created the task "Launch the spring marketing campaign"`, 'TASK_CREATED')
  for (const id of MEMBERS.slice(1)) w.system(at(last + 60), `${mention(store, id)} joined`, 'CHAT_JOIN', { CHAT_USER: [id] })

  for (let day = portalTime(2026, 3, 2); day < portalTime(2026, 10, 30); day += 86_400) {
    const weekday = new Date((day + 3 * 3600) * 1000).getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    const count = weekend ? rng.int(0, 4) : rng.int(22, 40)
    const times = Array.from({ length: count }, () => day + rng.int(9 * 3600, 19 * 3600 + 1800)).sort((a, b) => a - b)
    for (const time of times) {
      if (rng.chance(0.11)) {
        systemEvent(store, w, rng, at(time))
        continue
      }
      const author = rng.pick(AUTHOR_WEIGHTS)
      const date = at(time)
      const previous = humans[humans.length - 1]
      const params: Record<string, unknown> = {}
      let text: string
      if (rng.chance(0.003)) {
        text = DELETED_TEXT
        params['IS_DELETED'] = 'Y'
      } else if (rng.chance(0.04)) {
        const names = rng.chance(0.5) ? [rng.pick(IMAGE_NAMES)] : [rng.pick(DOC_NAMES), ...(rng.chance(0.3) ? [rng.pick(IMAGE_NAMES)] : [])]
        params['FILE_ID'] = names.map((name) => w.file(author, date, name).id)
        text = rng.chance(0.5) ? '' : sentence(rng)
      } else {
        text = rng.chance(0.45) ? decorate(store, rng, ++decoration, sentence(rng), previous) : sentence(rng)
        if (rng.chance(0.02)) params['IS_EDITED'] = 'Y'
        if (rng.chance(0.05) && humans.length > 5) params['REPLY_ID'] = rng.pick(humans.slice(-20)).id
        if (rng.chance(0.05)) params['LIKE'] = [rng.pick(MEMBERS.filter((id) => id !== author))]
      }
      const message = w.post(author, date, text, params)
      if (params['IS_DELETED']) continue
      humans.push(message)
      ordinal++
      if (ordinal === resultOrdinals[resultIndex] && text !== '') {
        const resultAuthor = resultIndex % 2 === 0 ? 1 : 2
        const when = at(date + 300)
        w.result(message.id, resultAuthor, when)
        w.system(when, `${mention(store, resultAuthor)} marked a message as the task result`, 'TASK_RESULT', { REPLY_ID: message.id })
        resultIndex++
      } else if (ordinal === resultOrdinals[resultIndex]) {
        // An attachment-only message is a poor result; take the next one instead.
        resultOrdinals[resultIndex] = ordinal + 1
      }
    }
  }
  seedRecentConversation(store, w, rng, at)
}

function systemEvent(store: Store, w: ChatWriter, rng: Rng, date: number): void {
  const who = mention(store, rng.pick([1, 2]))
  switch (rng.int(0, 3)) {
    case 0: {
      const deadline = portalIso(date + rng.int(7, 40) * 86_400)
      w.system(date, `${who} changed the deadline to ${deadline.slice(8, 10)}.${deadline.slice(5, 7)}.${deadline.slice(0, 4)}`, 'TASK_DEADLINE_CHANGED')
      return
    }
    case 1:
      w.system(date, `${who} changed the status to "${rng.pick(STATUS_NAMES)}"`, 'TASK_STATUS_CHANGED')
      return
    case 2:
      w.system(
        date,
        `${who} completed a checklist item "${rng.pick(['Brief approved', 'Assets delivered', 'Copy proofread', 'Budget signed', 'Landing QA done'])}"`,
        'TASK_CHECKLIST',
      )
      return
    default: {
      const member = rng.pick([3, 4, 5, 6, 7])
      w.system(date, `${who} added ${mention(store, member)} as an observer`, 'TASK_AUDITOR_ADDED', { CHAT_USER: [member] })
    }
  }
}

function seedRecentConversation(store: Store, w: ChatWriter, rng: Rng, at: (t: number) => number): void {
  let time = portalTime(2026, 10, 30, 9, 5, 0)
  const posted: MessageRec[] = []
  for (const [author, text] of RECENT_CONVERSATION) {
    time += rng.int(60, 420)
    const date = at(time)
    const params: Record<string, unknown> = {}
    if (text.startsWith('New banner')) params['FILE_ID'] = [w.file(author, date, 'newsletter-banner-final.png').id]
    if (text.startsWith('I can make it')) params['REPLY_ID'] = posted[2]?.id
    posted.push(w.post(author, date, text, params))
  }
  w.system(at(portalTime(2026, 10, 31, 18, 0, 0)), `${mention(store, 1)} changed the deadline to 20.11.2026`, 'TASK_DEADLINE_CHANGED')
}
