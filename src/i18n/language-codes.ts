/** A language the UI speaks: its BCP 47 tag and the LANG codes Bitrix24 uses for it. */
export interface LanguageCode {
  /** BCP 47 tag for Intl (dates, times, plurals, numbers). */
  locale: string
  /** The LANG codes Bitrix24 uses for it (it says 'br' for Brazilian Portuguese, 'la' for Spanish, 'ua' for Ukrainian). */
  portalCodes: string[]
}

/** Every language the UI speaks, English first (the fallback of all others). */
export const LANGUAGE_CODES: readonly LanguageCode[] = [
  { locale: 'en', portalCodes: ['en'] },
  { locale: 'ru', portalCodes: ['ru'] },
  { locale: 'de', portalCodes: ['de'] },
  { locale: 'es', portalCodes: ['la', 'es'] },
  // 'pt-BR', not 'br': Intl reads 'br' as Breton.
  { locale: 'pt-BR', portalCodes: ['br', 'pt'] },
  { locale: 'pl', portalCodes: ['pl'] },
  { locale: 'uk', portalCodes: ['ua', 'uk'] },
]

/** The language for a portal LANG code or a browser locale ('pt-BR', 'uk-UA'); English when unknown. */
export function languageCodeFor(code: string | null | undefined): LanguageCode {
  const wanted = (code ?? 'en').toLowerCase()
  const base = wanted.split(/[-_]/)[0]!
  return (
    LANGUAGE_CODES.find((l) => l.locale.toLowerCase() === wanted || l.portalCodes.includes(wanted)) ??
    LANGUAGE_CODES.find((l) => l.locale.toLowerCase().split('-')[0] === base || l.portalCodes.includes(base)) ??
    LANGUAGE_CODES[0]!
  )
}
