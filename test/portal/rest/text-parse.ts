/**
 * Im\Text::parse (im/lib/text.php), the text both readers answer (legacy im/lib/chat.php getMessages,
 * v2 im/lib/V2/Message.php getParsedMessage). It runs CTextParser (main/classes/general/textparser.php)
 * with every tag off but HTML, ANCHOR, TEXT_ANCHOR and EMOJI, anchorType 'bbcode':
 * - [CODE]..[/CODE], [PUT..]..[/PUT], [SEND..]..[/SEND] are kept untouched;
 * - `[USER=5][/USER]` becomes `[USER=5 REPLACE]Full Name[/USER]` (modifyShortUserTag);
 * - [url]x[/url] and [url=x]y[/url] come out upper case, `[URL]x[/URL]` when the text is the URL
 *   (convert_anchor_tag), a URL without a scheme gets `http://`;
 * - a bare URL (one of the anchor schemes, or www.) after the start or a word separator becomes
 *   `[URL]..[/URL]`, a trailing `.,?!;` left outside;
 * - `<br />`, `#BR#`, `[br]` become new lines; the entities the parser knows are decoded; U+00A0 is a space.
 */
import type { Store } from '../state.ts'

const SCHEMES = 'http|https|news|ftp|aim|mailto|file|tel|callto|skype|viber'
/** CTextParser::$wordSeparator */
const SEPARATOR = '\\s.,;:!?#\\-*|\\[\\](){}'
/** Im\Text's IM_MESSAGE_MENTION_ALL_MSGVER_1 (en). */
const MENTION_ALL = 'all'

function anchor(rawUrl: string, rawText: string): string {
  let url = rawUrl.replaceAll('[nomodify]', '').replaceAll('[/nomodify]', '').trim()
  let text = rawText.replaceAll('[nomodify]', '').replaceAll('[/nomodify]', '').trim()
  if (text === '') text = url
  let postfix = ''
  const tail = /([.,?!;])$/.exec(url)
  if (text === url && tail) {
    postfix = tail[1] ?? ''
    url = url.slice(0, -1)
    text = text.slice(0, -1)
  }
  url = url
    .replaceAll('&amp;', '&')
    .replace(/javascript:/gi, 'java script&#58; ')
    .replaceAll("'", '%27')
  if (!url.startsWith('/') && !new RegExp(`^(${SCHEMES}):`, 'i').test(url)) url = `http://${url}`
  text = text.replace(/&amp;/gi, '&').replace(/javascript:/gi, 'javascript&#58; ')
  return (url === text ? `[URL]${url}[/URL]` : `[URL=${url}]${text}[/URL]`) + postfix
}

export function parseText(store: Store, source: string): string {
  if (source === '') return ''
  const kept: string[] = []
  const keep = (match: string): string => `\uE000${kept.push(match) - 1}\uE001`
  let text = source
    .replace(/\[CODE\](.*?)\[\/CODE\]/gis, keep)
    .replace(/\[PUT(?:=(.+?))?\](.+?)?\[\/PUT\]/gi, keep)
    .replace(/\[SEND(?:=(.+?))?\](.+?)?\[\/SEND\]/gi, keep)
    .replace(/\[USER=([0-9]+|all)\]\[\/USER\]/gi, (_m, id: string) => {
      const name = id.toLowerCase() === 'all' ? MENTION_ALL : store.userName(Number(id))
      return `[USER=${id} REPLACE]${name}[/USER]`
    })
    .replace(/\u00a0/g, ' ')
  // Anchors first (tags, then bare URLs), each set aside so a URL is never wrapped twice.
  const anchors: string[] = []
  const defend = (out: string): string => `\uE002${anchors.push(out) - 1}\uE003`
  text = text
    .replace(/\[url\](.*?)\[\/url\]/giu, (_m, url: string) => defend(anchor(url, '')))
    .replace(/\[url\s*=\s*([^[\]]+)\s*\](.*?)\[\/url\]/gisu, (_m, url: string, label: string) => defend(anchor(url, label)))
  const bare = new RegExp(`(?<=^|[${SEPARATOR}])(?<!\\[nomodify\\])((((${SCHEMES}):\\/\\/)|www\\.)[._:a-z0-9@-].*?)(?=[\\s"{}]|&quot;|$)`, 'gisu')
  text = text.replace(bare, (url: string) => defend(anchor(url, url)))
  text = text.replace(/\uE002(\d+)\uE003/g, (_m, i: string) => anchors[Number(i)] ?? '')
  text = text
    .replaceAll('<br />', '\n')
    .replaceAll('#BR#', '\n')
    .replaceAll('[br]', '\n')
    .replaceAll('&#169;', '(c)')
    .replaceAll('&#153;', '(tm)')
    .replaceAll('&#174;', '(r)')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#092;', '\\')
    .replaceAll('&#036;', '$')
    .replaceAll('&#33;', '!')
    .replaceAll('&#91;', '[')
    .replaceAll('&#93;', ']')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#124;', '|')
    .replaceAll('&amp;', '&')
  return text.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '')
}
