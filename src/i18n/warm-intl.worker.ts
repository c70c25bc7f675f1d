/// <reference lib="webworker" />
import { languageCodeFor } from './language-codes'

/**
 * One of each kind of Intl object the first frame uses, in the reader's language: a message's time,
 * its date and time in full, the days between messages, plurals and numbers. Loading what they need
 * is the slow part, and it is kept for the whole process, not the objects themselves.
 */
function warmIntl(locale: string): void {
  const date = new Date(0)
  for (const options of [
    { hour: '2-digit', minute: '2-digit' },
    { dateStyle: 'long', timeStyle: 'short' },
    { day: 'numeric', month: 'long', year: 'numeric' },
  ] satisfies Intl.DateTimeFormatOptions[])
    new Intl.DateTimeFormat(locale, options).format(date)
  new Intl.PluralRules(locale).select(1)
  new Intl.NumberFormat(locale).format(1.5)
}

// Started by warm-intl.ts with the portal's LANG; says when it is done.
self.onmessage = (event: MessageEvent<string>) => {
  warmIntl(languageCodeFor(event.data).locale)
  self.postMessage('warm')
}
