/**
 * A message id chained from an earlier batch row's first message (`$result[row][messages][0][id]`),
 * for LAST_ID or FIRST_ID. Bitrix24 resolves a reference as CRestUtil::processBatchElement does
 * (rest/classes/general/rest_util.php): where the path is not there (the row read no message, or
 * failed), a reference that is the whole value becomes the deepest value it reached, an array, and
 * an array where im.dialog.messages.get expects digits is no clean answer (PHP 8 raises a TypeError,
 * which CRestServer does not catch). Inside a longer string an unresolved reference stays as
 * written. So the id is written after a "0": resolved it reads "0123", which the method takes
 * (`/^\d{1,}$/`, then intval), and unresolved it stays "0$result[...]", which the method refuses
 * cleanly in that row alone (400 LAST_ID_STRING / FIRST_ID_STRING). Callers never use such a row
 * without first seeing that the row it chains from read a message.
 */
export const chainedId = (row: string, path = '[messages][0][id]'): string => `0$result[${row}]${path}`
