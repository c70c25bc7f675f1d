/**
 * ATTACH and KEYBOARD as a writer stores them (the stored form of test/portal/state.ts), built from a
 * caller's JSON the way the im source does: CIMMessageParamAttach::GetAttachByJson and its Add*
 * methods (im/classes/general/im_message_param.php), Bot\Keyboard::getKeyboardByJson / addButton
 * (im/lib/bot/keyboard.php). What they would drop is dropped; nothing usable left is null.
 */
import { isRecord, listOf } from './params.ts'

type Obj = Record<string, unknown>

const HEX = /^#([a-fA-F0-9]){3}(([a-fA-F0-9]){3})?\b$/
const LINK = /^(?:\/|https?:\/\/)/
/** Color::validateColor (im/lib/V2/Message/Color/Color.php) */
const TOKENS = ['primary', 'secondary', 'alert', 'base']

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')
const int = (value: unknown): number => Math.trunc(Number(value)) || 0
const oneLine = (value: unknown): string => str(value).replace(/\r\n|\r|\n/g, ' ')
const token = (value: unknown): string => (typeof value === 'string' && TOKENS.includes(value) ? value : 'base')
const linkOf = (value: unknown): string | undefined => (typeof value === 'string' && LINK.test(value) ? value : undefined)

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return undefined
  }
}

/** A block's value given as one item or a list (Collection::isAssociative). */
const items = (value: unknown): Obj[] => (isRecord(value) ? [value] : (listOf(value) ?? [])).filter(isRecord)

function link(p: Obj, rich: boolean): Obj | null {
  const out: Obj = {}
  if (p['USER_ID'] !== undefined && int(p['USER_ID']) > 0 && p['NAME'] !== undefined) out['USER_ID'] = int(p['USER_ID'])
  else if (p['CHAT_ID'] !== undefined && int(p['CHAT_ID']) > 0 && p['NAME'] !== undefined) out['CHAT_ID'] = int(p['CHAT_ID'])
  else if (linkOf(p['LINK']) === undefined) return null
  if (p['NAME'] !== undefined) out['NAME'] = oneLine(str(p['NAME']).trim())
  if (p['LINK'] !== undefined) out['LINK'] = p['LINK']
  if (p['DESC'] !== undefined) out['DESC'] = rich ? oneLine(str(p['DESC']).trim()) : p['DESC']
  if (linkOf(p['PREVIEW'])) {
    out['PREVIEW'] = p['PREVIEW']
    if (rich)
      out['PREVIEW_SIZE'] = { HEIGHT: (p['PREVIEW_SIZE'] as Obj | undefined)?.['HEIGHT'] ?? 0, WIDTH: (p['PREVIEW_SIZE'] as Obj | undefined)?.['WIDTH'] ?? 0 }
    else for (const key of ['WIDTH', 'HEIGHT']) if (int(p[key]) > 0) out[key] = int(p[key])
  }
  return out
}

function user(p: Obj): Obj | null {
  if (str(p['NAME']).trim() === '') return null
  const out: Obj = { NAME: oneLine(p['NAME']), AVATAR_TYPE: 'USER' }
  if (int(p['USER_ID']) > 0) out['USER_ID'] = int(p['USER_ID'])
  else if (int(p['CHAT_ID']) > 0) Object.assign(out, { CHAT_ID: int(p['CHAT_ID']), AVATAR_TYPE: 'CHAT' })
  else if (int(p['BOT_ID']) > 0) Object.assign(out, { BOT_ID: int(p['BOT_ID']), AVATAR_TYPE: 'BOT' })
  else if (linkOf(p['LINK'])) out['LINK'] = p['LINK']
  if (linkOf(p['AVATAR'])) out['AVATAR'] = p['AVATAR']
  if (['CHAT', 'USER', 'BOT'].includes(str(p['AVATAR_TYPE']))) out['AVATAR_TYPE'] = p['AVATAR_TYPE']
  return out
}

function grid(p: Obj): Obj | null {
  const display = str(p['DISPLAY'])
  if (display !== 'LINE' && str(p['NAME']).trim() === '' && str(p['VALUE']).trim() === '') return null
  const shown = ['BLOCK', 'LINE', 'CARD', 'ROW', 'COLUMN', 'TABLE'].includes(display) ? display : 'BLOCK'
  const out: Obj = {
    DISPLAY: shown === 'COLUMN' ? 'ROW' : shown === 'CARD' ? 'LINE' : shown,
    NAME: oneLine(str(p['NAME']).trim()),
    VALUE: str(p['VALUE']).trim().replaceAll('#BR#', '[BR]'),
  }
  if (HEX.test(str(p['COLOR']))) out['COLOR'] = p['COLOR']
  for (const key of ['WIDTH', 'HEIGHT', 'USER_ID', 'CHAT_ID']) if (int(p[key]) > 0) out[key] = int(p[key])
  if (linkOf(p['LINK'])) out['LINK'] = p['LINK']
  out['COLOR_TOKEN'] = token(p['COLOR_TOKEN'])
  return out
}

function image(p: Obj, file: boolean): Obj | null {
  if (!linkOf(p['LINK'])) return null
  const out: Obj = {}
  if (file) out['LINK'] = p['LINK']
  if (str(p['NAME']).trim() !== '') out['NAME'] = file ? oneLine(str(p['NAME']).trim()) : str(p['NAME']).trim()
  if (!file) out['LINK'] = p['LINK']
  if (file) {
    if (int(p['SIZE']) > 0) out['SIZE'] = int(p['SIZE'])
  } else {
    for (const key of ['WIDTH', 'HEIGHT']) if (int(p[key]) > 0) out[key] = int(p[key])
    if (linkOf(p['PREVIEW'])) out['PREVIEW'] = p['PREVIEW']
  }
  return out
}

function block(data: Obj): Obj | null {
  const each = (value: unknown, make: (p: Obj) => Obj | null): Obj[] =>
    items(value).flatMap((p): Obj[] => {
      const made = make(p)
      return made ? [made] : []
    })
  if (data['USER'] !== undefined) return nonEmpty('USER', each(data['USER'], user))
  if (data['LINK'] !== undefined)
    return nonEmpty(
      'LINK',
      each(data['LINK'], (p) => link(p, false)),
    )
  if (data['RICH_LINK'] !== undefined)
    return nonEmpty(
      'RICH_LINK',
      each(data['RICH_LINK'], (p) => link(p, true)),
    )
  if (data['MESSAGE'] !== undefined) {
    const raw = isRecord(data['MESSAGE']) ? data['MESSAGE']['TEXT'] : data['MESSAGE']
    const text = str(raw).trim().replaceAll('#BR#', '[BR]')
    return text === '' ? null : { MESSAGE: text }
  }
  if (data['GRID'] !== undefined) return nonEmpty('GRID', each(data['GRID'], grid))
  if (data['IMAGE'] !== undefined)
    return nonEmpty(
      'IMAGE',
      each(data['IMAGE'], (p) => image(p, false)),
    )
  if (data['FILE'] !== undefined)
    return nonEmpty(
      'FILE',
      each(data['FILE'], (p) => image(p, true)),
    )
  if (data['DELIMITER'] !== undefined) {
    const p = isRecord(data['DELIMITER']) ? data['DELIMITER'] : {}
    const out: Obj = { SIZE: int(p['SIZE']) > 0 ? int(p['SIZE']) : 200 }
    if (HEX.test(str(p['COLOR']))) out['COLOR'] = p['COLOR']
    return { DELIMITER: out }
  }
  return null
}

/** The block, or null when none of its items survived (buildAttach splits USER / LINK / RICH_LINK per item). */
function nonEmpty(name: string, list: Obj[]): Obj | null {
  return list.length === 0 ? null : { [name]: list }
}

/** GetAttachByJson: `{BLOCKS, COLOR?, DESCRIPTION?, COLOR_TOKEN?}` or a bare list of blocks; null when no block survives. */
export function buildAttach(raw: unknown, id: number): Obj | null {
  const value = parseJson(raw)
  if (!isRecord(value) && !Array.isArray(value)) return null
  const withBlocks = isRecord(value) && value['BLOCKS'] !== undefined
  const blocks = (withBlocks ? (listOf(value['BLOCKS']) ?? []) : (listOf(value) ?? [])).filter(isRecord)
  // Each USER/LINK/RICH_LINK item is a block of its own (AddUser etc. push one block per call).
  const built = blocks.flatMap((data) => {
    const one = block(data)
    if (!one) return []
    const [name, list] = Object.entries(one)[0] ?? []
    return name && ['USER', 'LINK', 'RICH_LINK'].includes(name) && Array.isArray(list) ? list.map((item) => ({ [name]: [item] })) : [one]
  })
  if (built.length === 0) return null
  const out: Obj = { ID: id, BLOCKS: built, DESCRIPTION: withBlocks ? oneLine(value['DESCRIPTION']).trim() : '' }
  // SetColor(CHAT) when no COLOR is given leaves no COLOR; a bad one is replaced (the source picks a random colour).
  if (withBlocks && value['COLOR'] !== undefined)
    out['COLOR'] = value['COLOR'] === 'TRANSPARENT' ? 'transparent' : HEX.test(str(value['COLOR'])) ? value['COLOR'] : '#df532d'
  out['COLOR_TOKEN'] = token(withBlocks ? value['COLOR_TOKEN'] : undefined)
  return out
}

/** getKeyboardByJson with BOT_ID 0 (im.message.add): link, app and action buttons, NEWLINE; a keyboard with none is null. */
export function buildKeyboard(raw: unknown): Obj[] | null {
  const value = parseJson(raw)
  const source = isRecord(value) && value['BUTTONS'] !== undefined ? value : { BUTTONS: value }
  const colors = isRecord(source['COLORS']) ? source['COLORS'] : {}
  const vote = isRecord(source) && source['VOTE'] === 'Y'
  const buttons: Obj[] = []
  for (const b of (listOf(source['BUTTONS']) ?? []).filter(isRecord)) {
    if (b['TYPE'] === 'NEWLINE') {
      buttons.push({ TYPE: 'NEWLINE' })
      continue
    }
    if (b['FUNCTION'] !== undefined || str(b['TEXT']).trim() === '') continue
    const out: Obj = { BOT_ID: 0, TYPE: 'BUTTON' }
    const action = str(b['ACTION'])
    if (linkOf(b['LINK'])) out['LINK'] = str(b['LINK']).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    else if (int(b['APP_ID']) !== 0) {
      out['APP_ID'] = int(b['APP_ID'])
      if (str(b['APP_PARAMS']).trim() !== '') out['APP_PARAMS'] = b['APP_PARAMS']
    } else if (['PUT', 'SEND', 'COPY', 'CALL', 'DIALOG', 'LIVECHAT', 'HELP'].includes(action) && str(b['ACTION_VALUE']).trim() !== '') {
      Object.assign(out, { ACTION: action, ACTION_VALUE: b['ACTION_VALUE'] })
    } else continue // COMMAND buttons need a bot (BOT_ID > 0)
    out['TEXT'] = str(b['TEXT']).trim()
    Object.assign(out, { VOTE: vote ? 'Y' : 'N', BLOCK: b['BLOCK'] === 'Y' ? 'Y' : 'N', WAIT: 'N' })
    out['CONTEXT'] = ['MOBILE', 'DESKTOP'].includes(str(b['CONTEXT'])) ? b['CONTEXT'] : 'ALL'
    out['DISABLED'] = b['DISABLED'] === 'Y' ? 'Y' : 'N'
    out['DISPLAY'] = ['BLOCK', 'LINE'].includes(str(b['DISPLAY'])) ? b['DISPLAY'] : 'BLOCK'
    if (int(b['WIDTH']) > 0) out['WIDTH'] = int(b['WIDTH'])
    for (const key of ['BG_COLOR', 'BG_COLOR_TOKEN', 'TEXT_COLOR', 'OFF_BG_COLOR', 'OFF_TEXT_COLOR']) {
      if (key === 'BG_COLOR_TOKEN') out[key] = token(b[key])
      else if (HEX.test(str(b[key]))) out[key] = b[key]
      else if (HEX.test(str(colors[key]))) out[key] = colors[key]
    }
    buttons.push(out)
  }
  return buttons.length > 0 ? buttons : null
}
