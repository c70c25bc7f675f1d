/**
 * Builds one of each kind of Intl object the first frame uses, in the reader's language: times,
 * a date and time in full, the days between messages, the feed's day key, plurals and numbers.
 * Loading what they need is the slow part, not the objects themselves.
 */
export function warmIntl(locale: string): void {
  const date = new Date(0)
  for (const options of [
    { hour: '2-digit', minute: '2-digit' },
    { dateStyle: 'long', timeStyle: 'short' },
    { day: 'numeric', month: 'long', year: 'numeric' },
  ] satisfies Intl.DateTimeFormatOptions[])
    new Intl.DateTimeFormat(locale, options).format(date)
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
  new Intl.PluralRules(locale).select(1)
  new Intl.NumberFormat(locale).format(1.5)
}
