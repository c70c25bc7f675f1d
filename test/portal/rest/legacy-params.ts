/**
 * The legacy reader's params (im.dialog.messages.get): CIMMessageParam::Get then PrepareValues
 * without defaults (im/classes/general/im_message_param.php). Get reads each stored row into a list
 * per name (KEYBOARD, MENU, COMPONENT_PARAMS and STICKER_PARAMS as one value); PrepareValues keeps
 * only GetDefault()'s keys (so no REPLY_ID, FORWARD_CONTEXT_ID, FORWARD_USER_ID, FORWARD_CHAT_TITLE),
 * shapes each by its rule, and drops every value loosely equal (PHP ==) to its default.
 */
import { portalIso } from '../dates.ts'
import type { MessageParams } from '../state.ts'

/** CIMMessageParam::GetDefault(), in its order. `null` (COPILOT_PROMPT_CODE) fails PHP's isset: never kept. */
const DEFAULTS: Record<string, unknown> = {
  TYPE: '',
  COMPONENT_ID: '',
  COMPONENT_PARAMS: [],
  CODE: '',
  FAVORITE: [],
  LIKE: [],
  FILE_ID: [],
  URL_ID: [],
  URL_ONLY: 'N',
  ATTACH: [],
  LINK_ACTIVE: [],
  LARGE_FONT: 'N',
  NOTIFY: 'Y',
  MENU: 'N',
  KEYBOARD: 'N',
  KEYBOARD_UID: 0,
  CONNECTOR_MID: [],
  IS_ERROR: 'N',
  IS_DELIVERED: 'Y',
  IS_DELETED: 'N',
  IS_EDITED: 'N',
  BETA: 'N',
  SENDING: 'N',
  SENDING_TS: 0,
  CAN_ANSWER: 'N',
  IS_PINNED: 'N',
  CLASS: '',
  CALL_ID: 0,
  FORWARD_ID: 0,
  USER_ID: '',
  NAME: '',
  AVATAR: '',
  CHAT_ID: 0,
  CHAT_MESSAGE: 0,
  CHAT_LAST_DATE: '',
  CHAT_USER: [],
  DATE_TEXT: [],
  DATE_TS: [],
  IMOL_VOTE: '',
  IMOL_VOTE_TEXT: '',
  IMOL_VOTE_LIKE: '',
  IMOL_VOTE_DISLIKE: '',
  IMOL_VOTE_SID: '',
  IMOL_VOTE_USER: '',
  IMOL_VOTE_HEAD: '',
  IMOL_COMMENT_HEAD: '',
  IMOL_QUOTE_MSG: 'N',
  IMOL_SID: 0,
  IMOL_FORM: '',
  IMOL_DATE_CLOSE_VOTE: '',
  IMOL_TIME_LIMIT_VOTE: '',
  USERS: [],
  CRM_FORM_ID: '',
  CRM_FORM_SEC: '',
  CRM_FORM_FILLED: 'N',
  COPILOT_PROMPT_CODE: null,
  STICKER_PARAMS: [],
}
const WHOLE = new Set(['KEYBOARD', 'MENU', 'COMPONENT_PARAMS', 'STICKER_PARAMS'])
const FLAGS = new Set([
  'IS_ERROR',
  'IS_DELIVERED',
  'IS_DELETED',
  'BETA',
  'IS_EDITED',
  'CAN_ANSWER',
  'IMOL_QUOTE_MSG',
  'SENDING',
  'URL_ONLY',
  'LARGE_FONT',
  'CRM_FORM_FILLED',
])
const INTS = new Set(['CALL_ID', 'CHAT_ID', 'CHAT_MESSAGE', 'IMOL_VOTE_SID', 'IMOL_VOTE_USER', 'IMOL_VOTE_HEAD', 'SENDING_TS', 'IMOL_SID'])
const INT_LISTS = new Set(['CHAT_USER', 'DATE_TS', 'FILE_ID', 'LIKE', 'FAVORITE', 'KEYBOARD_ACTION', 'URL_ID', 'LINK_ACTIVE', 'USERS'])
const FIRSTS = new Set([
  'TYPE',
  'COMPONENT_ID',
  'CLASS',
  'IMOL_VOTE',
  'IMOL_VOTE_TEXT',
  'IMOL_VOTE_LIKE',
  'IMOL_VOTE_DISLIKE',
  'IMOL_FORM',
  'IMOL_COMMENT_HEAD',
  'IMOL_DATE_CLOSE_VOTE',
  'IMOL_TIME_LIMIT_VOTE',
  'CRM_FORM_ID',
  'CRM_FORM_SEC',
  'IS_PINNED',
])

/** PHP's intval for the values a param row can hold. */
export function intval(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (Array.isArray(value)) return value.length > 0 ? 1 : 0
  const match = /^\s*[+-]?\d+/.exec(String(value ?? ''))
  return match ? parseInt(match[0], 10) : 0
}

function htmlspecialchars(text: unknown): string {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

/** PHP 8's loose ==, enough for the values params hold. */
function looseEq(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => looseEq(x, b[i]))
  }
  if (a === null || b === null) return (a ?? '') === (b ?? '') || (!a && !b)
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && !Number.isNaN(Number(b)) && Number(b) === a
  if (typeof a === 'string' && typeof b === 'number') return looseEq(b, a)
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b)
  return a === b
}

/** PrepareAttach: a DESCRIPTION of FIRST_MESSAGE takes the first MESSAGE block's text. */
function prepareAttach(list: unknown[]): unknown[] {
  return list.map((attach) => {
    if (attach === null || typeof attach !== 'object' || Array.isArray(attach)) return attach
    const body = { ...(attach as Record<string, unknown>) }
    body['DESCRIPTION'] ??= null
    if (body['DESCRIPTION'] === 'FIRST_MESSAGE') {
      body['DESCRIPTION'] = ''
      const blocks = Array.isArray(body['BLOCKS']) ? (body['BLOCKS'] as Record<string, unknown>[]) : []
      const first = blocks.find((block) => block && typeof block === 'object' && !('HTML' in block) && 'MESSAGE' in block)
      if (first) body['DESCRIPTION'] = first['MESSAGE']
    }
    return body
  })
}

function prepare(key: string, value: unknown): unknown {
  const list = Array.isArray(value) ? value : [value]
  const first = list[0]
  if (FLAGS.has(key)) return first === 'Y' || first === 'N' ? first : DEFAULTS[key]
  if (key === 'KEYBOARD_UID') return intval(value)
  if (INTS.has(key)) return intval(first)
  if (key === 'CHAT_LAST_DATE') return typeof first === 'number' ? portalIso(first) : String(first ?? '')
  if (key === 'DATE_TEXT') return list.length > 0 ? list.map(htmlspecialchars) : DEFAULTS[key]
  if (INT_LISTS.has(key)) return list.length > 0 ? list.map(intval) : DEFAULTS[key]
  if (key === 'CONNECTOR_MID') return list.length > 0 ? list : DEFAULTS[key]
  if (key === 'NOTIFY') return list.length === 0 || (list.length === 1 && first === 'N') ? 'N' : list.map(intval)
  if (key === 'ATTACH') return prepareAttach(list)
  if (FIRSTS.has(key)) return first === undefined ? '' : dbString(first)
  if (key === 'NAME') return first === undefined ? DEFAULTS[key] : htmlspecialchars(first)
  if (key === 'USER_ID') return first === undefined ? DEFAULTS[key] : intval(first)
  return WHOLE.has(key) ? value : list.map(dbString)
}

/** A row's PARAM_VALUE comes back from the database as a string; PARAM_JSON values as decoded. */
function dbString(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'Y' : 'N') : value
}

/** The params object of one message as im.dialog.messages.get answers it (before the deleted check). */
export function legacyParams(stored: MessageParams): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in DEFAULTS) || DEFAULTS[key] === null || value === undefined || value === null) continue
    const prepared = prepare(key, value)
    if (!looseEq(prepared, DEFAULTS[key])) out[key] = prepared
  }
  return out
}
