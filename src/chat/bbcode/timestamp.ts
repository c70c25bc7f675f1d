import { dateFormat } from '../../i18n/formatters'

/**
 * The format names a `[TIMESTAMP=<unix> FORMAT=<name>]` code may carry: main's culture formats
 * (im/lib/V2/Message/Text/BbCode/Timestamp/DateFormat.php, defaults in
 * main/lib/localization/culturetable.php). The server writes them through FormatDate in the reader's
 * culture; Intl gives the same parts in the reader's language, in the order that language uses.
 * The comments are the English (US) examples DateFormat.php gives.
 */
const FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  FORMAT_DATE: { year: 'numeric', month: '2-digit', day: '2-digit' }, // 12/31/2019
  FORMAT_DATETIME: { year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: '2-digit', second: '2-digit' }, // 12/31/2019 11:36:49 pm
  SHORT_DATE_FORMAT: { year: 'numeric', month: 'numeric', day: 'numeric' }, // 12/31/2019
  MEDIUM_DATE_FORMAT: { year: 'numeric', month: 'short', day: 'numeric' }, // Dec 31, 2019
  LONG_DATE_FORMAT: { year: 'numeric', month: 'long', day: 'numeric' }, // December 31, 2019
  DAY_MONTH_FORMAT: { month: 'long', day: 'numeric' }, // December 31
  DAY_SHORT_MONTH_FORMAT: { month: 'short', day: 'numeric' }, // Dec 31
  SHORT_DAY_OF_WEEK_MONTH_FORMAT: { weekday: 'short', month: 'long', day: 'numeric' }, // Tue, December 31
  SHORT_DAY_OF_WEEK_SHORT_MONTH_FORMAT: { weekday: 'short', month: 'short', day: 'numeric' }, // Tue, Dec 31
  DAY_OF_WEEK_MONTH_FORMAT: { weekday: 'long', month: 'long', day: 'numeric' }, // Tuesday, December 31
  FULL_DATE_FORMAT: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, // Tuesday, December 31, 2019
  SHORT_TIME_FORMAT: { hour: 'numeric', minute: '2-digit' }, // 2:05 pm
  LONG_TIME_FORMAT: { hour: 'numeric', minute: '2-digit', second: '2-digit' }, // 2:05:15 pm
}

/** A name the server does not know (it would leave the code as typed): the date and the time, never the code. */
const DEFAULT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

/** `1767225600 FORMAT=LONG_DATE_FORMAT`, the value of the tag as the parser hands it over; any case, FORMAT optional. */
const VALUE = /^(\d{1,16})(?:\s+format\s*=\s*["']?([a-z_]*)["']?)?\s*$/i

interface Timestamp {
  date: Date
  format: string
}

/** The instant and format a TIMESTAMP tag names; null when it names no valid instant. */
export function readTimestamp(value: string): Timestamp | null {
  const match = VALUE.exec(value.trim())
  if (!match) return null
  const date = new Date(Number(match[1]) * 1000)
  if (Number.isNaN(date.getTime())) return null
  return { date, format: (match[2] ?? '').toUpperCase() }
}

/** The instant in the reader's language and time zone (Intl's default zone is the browser's), in the named format. */
export function formatTimestamp({ date, format }: Timestamp, locale: string | undefined): string {
  const options = FORMATS[format] ?? DEFAULT
  return dateFormat(locale, options.hour && clock24(locale) ? { ...options, hour: '2-digit' } : options).format(date)
}

/** A 24-hour clock writes its hours with two digits (de "09:05", as Bitrix24's "H:i"); a 12-hour one does not ("9:05 AM"). */
function clock24(locale: string | undefined): boolean {
  const cycle = dateFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle
  return cycle === 'h23' || cycle === 'h24'
}
