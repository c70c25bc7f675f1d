// Intl formatters are slow to build (tens of microseconds each) and a feed formats thousands of
// dates: one formatter per locale and options, built once.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()
const pluralRulesByLocale = new Map<string, Intl.PluralRules>()

// Callers that format every row pass the same options object each time: found by it, without a key to build.
const byOptions = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>()

/** A date formatter, built on its first use and kept (per locale and options): none is built before a date needs it. */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let ofOptions = byOptions.get(options)
  if (!ofOptions) byOptions.set(options, (ofOptions = new Map()))
  let format = ofOptions.get(locale ?? '')
  if (format) return format
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options)
    dateFormats.set(key, format)
  }
  ofOptions.set(locale ?? '', format)
  return format
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, format)
  }
  return format
}

/**
 * A language's plural rules, built on the first plural a text needs, not with the translator: the
 * first Intl object a page builds loads the engine's locale data, which costs milliseconds that the
 * first message (whose texts need no plural) should not wait for.
 */
export function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale)
    pluralRulesByLocale.set(locale, rules)
  }
  return rules
}

/**
 * A file's size in decimal units ("1.5 kB", "100 MB"), as Bitrix24 states its upload limit: the
 * feed's chips and the attachment list say the same size for the same file.
 */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  // Bytes spelled out ("18 bytes", not English's short "18 byte"); kB, MB and GB short.
  const display = unit === 0 ? 'long' : 'short'
  return numberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: display, maximumFractionDigits: 1 }).format(value)
}
