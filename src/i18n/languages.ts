import { en, type Catalogue } from './en'
import { ru } from './ru'
import { de } from './de'
import { es } from './es'
import { ptBr } from './pt-br'
import { pl } from './pl'
import { uk } from './uk'

export interface Language {
  /** BCP 47 tag for Intl (dates, times, plurals, numbers). */
  locale: string
  /** The LANG codes Bitrix24 uses for it (it says 'br' for Brazilian Portuguese, 'la' for Spanish, 'ua' for Ukrainian). */
  portalCodes: string[]
  catalogue: Catalogue
}

/** Every language the UI speaks. English is first: the fallback for all others. */
export const LANGUAGES: Language[] = [
  { locale: 'en', portalCodes: ['en'], catalogue: en },
  { locale: 'ru', portalCodes: ['ru'], catalogue: ru },
  { locale: 'de', portalCodes: ['de'], catalogue: de },
  { locale: 'es', portalCodes: ['la', 'es'], catalogue: es },
  // 'pt-BR', not 'br': Intl reads 'br' as Breton.
  { locale: 'pt-BR', portalCodes: ['br', 'pt'], catalogue: ptBr },
  { locale: 'pl', portalCodes: ['pl'], catalogue: pl },
  { locale: 'uk', portalCodes: ['ua', 'uk'], catalogue: uk },
]

/** The language for a portal LANG code or a browser locale ('pt-BR', 'uk-UA'); English when unknown. */
export function languageFor(code: string | null | undefined): Language {
  const wanted = (code ?? 'en').toLowerCase()
  const base = wanted.split(/[-_]/)[0]!
  return (
    LANGUAGES.find((l) => l.locale.toLowerCase() === wanted || l.portalCodes.includes(wanted)) ??
    LANGUAGES.find((l) => l.locale.toLowerCase().split('-')[0] === base || l.portalCodes.includes(base)) ??
    LANGUAGES[0]!
  )
}
