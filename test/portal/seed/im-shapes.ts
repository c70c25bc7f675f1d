/**
 * The messenger's own storage shapes, as the im module writes them into b_im_message_param, so
 * the seed stores what a real portal stores (paths are in Bitrix24's server source, the public
 * snapshot `yuliai/bitrix-modules`; read, not copied).
 */
import { portalIso } from '../dates.ts'
import type { MessageParams, MessageRec, Store } from '../state.ts'

/** An attach as CIMMessageParamAttach::GetArray() gives it (im/classes/general/im_message_param.php). */
interface AttachRec {
  ID: number
  BLOCKS: Record<string, unknown>[]
  DESCRIPTION: string
  COLOR: string
}

/** Im\Color::getColors() (im/lib/color.php): new CIMMessageParamAttach() without a colour picks one of these. */
const ATTACH_COLORS = ['#df532d', '#64a513', '#4ba984', '#4ba5c3', '#3e99ce', '#8474c8', '#1eb4aa', '#f76187', '#58cc47', '#ab7761', '#29619b']

/**
 * Builds an attach the way the tasks module does: `new \CIMMessageParamAttach()` (ID = time() of
 * the send, a random palette colour), then AddMessage / AddDelimiter in order. AddMessage trims the
 * text and skips it when empty; AddDelimiter defaults SIZE to 200.
 */
export class Attach {
  readonly rec: AttachRec

  constructor(id: number, color: string) {
    this.rec = { ID: id, BLOCKS: [], DESCRIPTION: '', COLOR: color }
  }

  static forNotice(sentAt: number, pick: number): Attach {
    return new Attach(sentAt, ATTACH_COLORS[pick % ATTACH_COLORS.length] ?? '#4ba984')
  }

  message(text: string): this {
    const trimmed = text.trim()
    if (trimmed !== '') this.rec.BLOCKS.push({ MESSAGE: trimmed.replaceAll('#BR#', '[BR]') })
    return this
  }

  delimiter(size = 200, color?: string): this {
    this.rec.BLOCKS.push({ DELIMITER: color ? { SIZE: size, COLOR: color } : { SIZE: size } })
    return this
  }
}

/**
 * A link button as Bitrix\Im\Bot\Keyboard::addButton() stores it (im/lib/bot/keyboard.php): BOT_ID,
 * TYPE, LINK (htmlspecialcharsbx), TEXT, VOTE, BLOCK, WAIT, CONTEXT, DISABLED, DISPLAY (default
 * BLOCK), BG_COLOR_TOKEN (im/lib/V2/Message/Color/Color.php validates it), TEXT_COLOR.
 */
export function linkButton(text: string, link: string, textColor: string): Record<string, unknown> {
  return {
    BOT_ID: 0,
    TYPE: 'BUTTON',
    LINK: link,
    TEXT: text,
    VOTE: 'N',
    BLOCK: 'N',
    WAIT: 'N',
    CONTEXT: 'ALL',
    DISABLED: 'N',
    DISPLAY: 'BLOCK',
    BG_COLOR_TOKEN: 'primary',
    TEXT_COLOR: textColor,
  }
}

const QUOTE_DELIMITER = '-'.repeat(54)

/**
 * The quote header's date. The web messenger writes `DateFormatter.formatByTemplate(date,
 * DateTemplate.notification)` (im.v2.lib.quote); its template is not in the snapshot, so the seed
 * writes what the server writes for its own quotes, Message::getQuotedMessage()'s FormatDate('X')
 * (main/tools.php): "today"/"yesterday" with the time when the quote is made within a day,
 * otherwise the site's short date (English site: MM/DD/YYYY, 12-hour time).
 */
function quoteDate(messageDate: number, quotedAt: number): string {
  const iso = portalIso(messageDate)
  const day = (t: number): string => portalIso(t).slice(0, 10)
  const hours = Number(iso.slice(11, 13))
  const time = `${hours % 12 === 0 ? 12 : hours % 12}:${iso.slice(14, 16)} ${hours < 12 ? 'am' : 'pm'}`
  if (day(messageDate) === day(quotedAt)) return `today at ${time}`
  if (day(messageDate + 86_400) === day(quotedAt)) return `yesterday at ${time}`
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`
}

/**
 * A quote as the web messenger inserts it (im.v2.lib.quote QuoteManager.prepareQuoteText):
 * dashes, `Name [date] #chat<id>/<messageId>`, the quoted text, dashes; the user's own words follow.
 * The messenger's parser (im.v2.lib.parser, quote.js) reads exactly this header.
 */
export function webQuote(store: Store, quoted: MessageRec, quotedAt: number, reply: string): string {
  const name = quoted.authorId === 0 ? 'System message' : store.userName(quoted.authorId)
  const header = `${name} [${quoteDate(quoted.date, quotedAt)}] #chat${quoted.chatId}/${quoted.id}`
  return `${QUOTE_DELIMITER}\n${header}\n${quoted.text}\n${QUOTE_DELIMITER}\n${reply}`
}

/**
 * A URL preview: URL_ID names the b_urlpreview_metadata row and the rich link is appended to ATTACH
 * (Message::generateUrlPreview, im/lib/V2/Message.php; CIMMessageLink::formatAttach builds it with
 * the metadata id as ID and COLOR 'transparent', one RICH_LINK block of NAME, LINK, DESC).
 */
export function urlPreview(urlId: number, link: string, name: string, desc: string): MessageParams {
  return {
    URL_ID: [urlId],
    ATTACH: [{ ID: urlId, BLOCKS: [{ RICH_LINK: [{ NAME: name, LINK: link, DESC: desc }] }], DESCRIPTION: '', COLOR: 'transparent' }],
  }
}

/**
 * A sticker: the text is emptied and STICKER_PARAMS holds the sticker's short form converted to
 * upper snake case (FieldsValidationService::checkStickerParams, StickerService::getStickerMessageParams,
 * StickerItem::toShortRestFormat): ID, PACK_ID, PACK_TYPE ('vendor' or 'custom').
 */
export function stickerParams(id: number, packId: number): MessageParams {
  return { STICKER_PARAMS: { ID: id, PACK_ID: packId, PACK_TYPE: 'vendor' } }
}

/**
 * A forward (im/lib/V2/Message/Forward/ForwardService.php buildForwardParams): the original's id,
 * its context id (`chat<id>/<messageId>`) and author (0 for a system message); FORWARD_CHAT_TITLE
 * only for an open channel. The text is copied; the forwarding user is the author.
 */
export function forwardParams(original: MessageRec): MessageParams {
  return {
    FORWARD_ID: original.id,
    FORWARD_CONTEXT_ID: `chat${original.chatId}/${original.id}`,
    FORWARD_USER_ID: original.authorId,
  }
}

/**
 * Who reacted and how, as b_im_reaction keeps it; ReactionService (im/lib/V2/Message/Reaction/
 * ReactionService.php, addLegacy) also puts every reacting user into params.LIKE.
 */
export function react(message: MessageRec, reactions: ReadonlyArray<readonly [number, string]>, date: number): void {
  const recs = message.reactions ?? []
  const likers = Array.isArray(message.params['LIKE']) ? [...(message.params['LIKE'] as number[])] : []
  reactions.forEach(([userId, reaction], i) => {
    recs.push({ userId, reaction, date: date + i * 37 })
    if (!likers.includes(userId)) likers.push(userId)
  })
  message.reactions = recs
  message.params = { ...message.params, LIKE: likers }
}
