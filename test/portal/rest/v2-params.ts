/**
 * The v2 reader's params (im.dialog.messages.search, im.v2.Chat.Message.tail): Params::toRestFormat
 * (im/lib/V2/Message/Params.php) over the stored params, each by its type in Params::$typeMap:
 * bools 'Y'/'N', ints as strings (REPLY_ID "123"), int and string arrays as arrays of strings
 * (ParamArray::toRestFormat maps strval: FILE_ID ["12"], LIKE ["1","2"]), ATTACH / KEYBOARD / MENU /
 * COMPONENT_PARAMS as stored (Param/Attach.php, AttachArray.php, Keyboard.php return their arrays),
 * STICKER_PARAMS with camelCase keys (Param/StickerParams.php: Converter::toJson), names not in the
 * map as strings. Hidden: FORWARD_* (they become the message's `forward`), COPILOT_*, AI_ASSISTANT_MCP_AUTH_ID.
 */
import { portalIso } from '../dates.ts'
import type { MessageParams } from '../state.ts'
import { intval } from './legacy-params.ts'

type Kind = 'bool' | 'int' | 'string' | 'list' | 'json' | 'date' | 'sticker'

const KINDS: Record<string, Kind> = {
  FILE_ID: 'list',
  IS_DELETED: 'bool',
  IS_ERROR: 'bool',
  IS_DELIVERED: 'bool',
  IS_EDITED: 'bool',
  IS_PINNED: 'bool',
  CAN_ANSWER: 'bool',
  URL_ONLY: 'bool',
  LARGE_FONT: 'bool',
  ATTACH: 'json',
  MENU: 'json',
  KEYBOARD: 'json',
  KEYBOARD_UID: 'int',
  SENDING: 'bool',
  SENDING_TS: 'int',
  USER_ID: 'int',
  AVATAR: 'int',
  NAME: 'string',
  NOTIFY: 'bool',
  CODE: 'string',
  TYPE: 'string',
  COMPONENT_ID: 'string',
  COMPONENT_PARAMS: 'json',
  CLASS: 'string',
  CALL_ID: 'int',
  CHAT_ID: 'int',
  CHAT_MESSAGE: 'int',
  CHAT_USER: 'list',
  DATE_TS: 'list',
  LIKE: 'list',
  FAVORITE: 'list',
  KEYBOARD_ACTION: 'list',
  URL_ID: 'list',
  LINK_ACTIVE: 'list',
  USERS: 'list',
  CHAT_LAST_DATE: 'date',
  DATE_TEXT: 'list',
  IS_ROBOT_MESSAGE: 'bool',
  REPLY_ID: 'int',
  BETA: 'bool',
  CRM_FORM_FILLED: 'bool',
  CRM_FORM_ID: 'string',
  CRM_FORM_SEC: 'string',
  STICKER_PARAMS: 'sticker',
  AI_TASK_TRIGGER_MESSAGE_ID: 'int',
}
const HIDDEN = new Set([
  'FORWARD_ID',
  'FORWARD_USER_ID',
  'FORWARD_CONTEXT_ID',
  'FORWARD_CHAT_TITLE',
  'COPILOT_PROMPT_CODE',
  'COPILOT_ROLE',
  'COPILOT_REASONING',
  'AI_ASSISTANT_MCP_AUTH_ID',
])

/** Bitrix\Main\Engine\Response\Converter::toJson(): keys snake → camel, lower first, recursively. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const camel = key.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
    out[/^[A-Z0-9_]+$/.test(key) ? camel : key.charAt(0).toLowerCase() + key.slice(1)] = camelKeys(inner)
  }
  return out
}

function single(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

function restValue(kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'bool':
      return single(value) === 'Y' || single(value) === true ? 'Y' : 'N'
    case 'int':
      return String(intval(single(value)))
    case 'list':
      return (Array.isArray(value) ? value : [value]).map((item) => String(typeof item === 'boolean' ? Number(item) : item))
    case 'date': {
      const raw = single(value)
      return typeof raw === 'number' ? portalIso(raw) : null
    }
    case 'sticker':
      return camelKeys(value)
    case 'json':
      return value
    default: {
      const raw = single(value)
      return raw === null || raw === undefined ? '' : typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
    }
  }
}

/** The params object of one message as the v2 reader answers it (the deleted mark added by the caller). */
export function v2Params(stored: MessageParams): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stored)) {
    if (HIDDEN.has(key) || value === undefined || value === null) continue
    // An empty array param has no value (ParamArray::hasValue).
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = restValue(KINDS[key] ?? 'string', value)
  }
  return out
}
