import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import type { MessageKey } from './en'
import { numberFormat, pluralRules } from './formatters'
import { catalogueNow, englishText, ensureLanguage, subscribeLanguages } from './languages'

export interface Translator {
  /** BCP 47 tag for Intl (dates, times, plurals). */
  locale: string
  t(key: MessageKey, values?: Record<string, string | number>): string
}

// A small subset of ICU: `{count, plural, one {# file} few {# файла} other {# files}}`.
const PLURAL = /\{(\w+), plural, ((?:[a-z]+ \{[^{}]*\}\s*)+)\}/g

function pluralCase(locale: string, n: number, cases: string): string | undefined {
  const rules = pluralRules(locale)
  const options = new Map([...cases.matchAll(/([a-z]+) \{([^{}]*)\}/g)].map((m) => [m[1]!, m[2]!]))
  const text = options.get(rules.select(n)) ?? options.get('other')
  return text?.replace(/#/g, numberFormat(rules.resolvedOptions().locale, {}).format(n))
}

/**
 * A translator for a portal LANG code or a browser locale; unknown languages get English, and so
 * does a language whose catalogue has not loaded yet (see ensureLanguage).
 */
export function createTranslator(lang: string | null | undefined): Translator {
  const { catalogue, locale } = catalogueNow(lang)
  return {
    locale,
    t(key, values) {
      // A whole catalogue has every key; English's first part only what the first frame says.
      const template = catalogue[key] ?? englishText(key)
      if (!values) return template
      return template
        .replace(PLURAL, (whole, name: string, cases: string) => pluralCase(locale, Number(values[name]), cases) ?? whole)
        .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
    },
  }
}

// Exported for tests that listen to what a component asks for (a translator of their own).
export const I18nContext = createContext<Translator>(createTranslator('en'))

export function I18nProvider({ lang, children }: { lang: string | null | undefined; children: ReactNode }) {
  // Re-render once the language's catalogue has loaded (English shows until then), or the rest of English.
  const catalogue = useSyncExternalStore(subscribeLanguages, () => catalogueNow(lang).catalogue)
  useEffect(() => {
    void ensureLanguage(lang)
  }, [lang])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the catalogue changes when one arrives
  const translator = useMemo(() => createTranslator(lang), [lang, catalogue])
  // Screen readers pick their voice from the document language.
  useEffect(() => {
    document.documentElement.lang = translator.locale
  }, [translator.locale])
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>
}

export function useI18n(): Translator {
  return useContext(I18nContext)
}
