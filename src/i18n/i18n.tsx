import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { en, type Catalogue, type MessageKey } from './en'
import { ru } from './ru'
import { de } from './de'

const CATALOGUES: Record<string, Catalogue> = { en, ru, de }

export interface Translator {
  /** BCP 47 tag for Intl (dates, times, plurals). */
  locale: string
  t(key: MessageKey, values?: Record<string, string | number>): string
}

/** Portal LANG codes are lower-case ('ru', 'en', 'br' for pt-BR, 'la' for es); unknown ones use en. */
export function createTranslator(lang: string | null | undefined): Translator {
  const code = (lang ?? 'en').toLowerCase()
  const catalogue = CATALOGUES[code] ?? en
  const locale = CATALOGUES[code] ? code : 'en'
  return {
    locale,
    t(key, values) {
      const template = catalogue[key]
      if (!values) return template
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
    },
  }
}

const I18nContext = createContext<Translator>(createTranslator('en'))

export function I18nProvider({ lang, children }: { lang: string | null | undefined; children: ReactNode }) {
  const translator = useMemo(() => createTranslator(lang), [lang])
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>
}

export function useI18n(): Translator {
  return useContext(I18nContext)
}
