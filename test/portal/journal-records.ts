/**
 * What a journal line must hold to be replayed: a known `op` with its fields of the right types.
 * A line that passes may still be refused by the state (mutations.ts: an id used twice, a message
 * older than its chat's last); either way the line is reported and skipped, never the start (#24).
 */

/** n number, s string, b boolean, o object, n[] numbers; `?` also null, `~` also absent. */
type Kind = 'n' | 's' | 'b' | 'o' | 'n[]' | 's?' | 'n?' | 'b?' | 'o~'

const FIELDS: Record<string, Record<string, Kind>> = {
  message: { id: 'n', chatId: 'n', authorId: 'n', date: 'n', text: 's', params: 'o', uuid: 's?' },
  chat: { chatId: 'n', taskId: 'n', memberIds: 'n[]', createdAt: 'n' },
  result: { id: 'n', taskId: 'n', messageId: 'n', authorId: 'n', text: 's', fileIds: 'n[]', createdAt: 'n' },
  resultDelete: { id: 'n' },
  bot: { id: 'n', code: 's', name: 's' },
  chatUsers: { chatId: 'n', userIds: 'n[]', startId: 'n?' },
  placementBind: { placement: 'o' },
  placementUnbind: { placement: 's', handler: 's?' },
  installed: { value: 'b' },
  messageDelete: { id: 'n' },
  messageUpdate: { id: 'n', text: 's?', edited: 'b?' },
  messageLike: { id: 'n', userIds: 'n[]', reaction: 'o~' },
  read: { chatId: 'n', userId: 'n', messageId: 'n' },
  file: { file: 'o' },
}

const FILE_FIELDS: Record<string, Kind> = { id: 'n', chatId: 'n', name: 's', size: 'n', authorId: 'n', date: 'n' }

function fits(value: unknown, kind: Kind): boolean {
  if (kind.endsWith('?') && value === null) return true
  if (kind === 'o~' && value === undefined) return true
  switch (kind.replace(/[?~]$/, '')) {
    case 'n':
      return typeof value === 'number' && Number.isFinite(value)
    case 's':
      return typeof value === 'string'
    case 'b':
      return typeof value === 'boolean'
    case 'o':
      return typeof value === 'object' && value !== null
    default:
      return Array.isArray(value) && value.every((v) => typeof v === 'number')
  }
}

const KIND_NAMES: Record<string, string> = { n: 'a number', s: 'a string', b: 'true or false', o: 'an object', 'n[]': 'a list of numbers' }

function fieldProblem(record: Record<string, unknown>, fields: Record<string, Kind>, prefix = ''): string | null {
  for (const [name, kind] of Object.entries(fields)) {
    if (!fits(record[name], kind)) return `${prefix}${name} is not ${KIND_NAMES[kind.replace(/[?~]$/, '')]}${kind.endsWith('?') ? ' or null' : ''}`
  }
  return null
}

/** Why the parsed line is not a journal record, or null when it is one. */
export function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a record'
  const record = value as Record<string, unknown>
  const op = record['op']
  const fields = typeof op === 'string' && Object.hasOwn(FIELDS, op) ? FIELDS[op] : undefined
  if (!fields) return `unknown op ${JSON.stringify(record['op'])}`
  return fieldProblem(record, fields) ?? (record['op'] === 'file' ? fieldProblem(record['file'] as Record<string, unknown>, FILE_FIELDS, 'file.') : null)
}
