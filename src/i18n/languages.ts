import { en, type Catalogue } from './en'

interface Language {
  /** BCP 47 tag for Intl (dates, times, plurals, numbers). */
  locale: string
  /** The LANG codes Bitrix24 uses for it (it says 'br' for Brazilian Portuguese, 'la' for Spanish, 'ua' for Ukrainian). */
  portalCodes: string[]
  /** Catalogues other than English load on demand: a user downloads only their own language. */
  load(): Promise<Catalogue>
}

/** Every language the UI speaks. English is first: the fallback for all others, always loaded. */
export const LANGUAGES: Language[] = [
  { locale: 'en', portalCodes: ['en'], load: async () => en },
  { locale: 'ru', portalCodes: ['ru'], load: async () => (await import('./ru')).ru },
  { locale: 'de', portalCodes: ['de'], load: async () => (await import('./de')).de },
  { locale: 'es', portalCodes: ['la', 'es'], load: async () => (await import('./es')).es },
  // 'pt-BR', not 'br': Intl reads 'br' as Breton.
  { locale: 'pt-BR', portalCodes: ['br', 'pt'], load: async () => (await import('./pt-br')).ptBr },
  { locale: 'pl', portalCodes: ['pl'], load: async () => (await import('./pl')).pl },
  { locale: 'uk', portalCodes: ['ua', 'uk'], load: async () => (await import('./uk')).uk },
]

/** The language for a portal LANG code or a browser locale ('pt-BR', 'uk-UA'); English when unknown. */
function languageFor(code: string | null | undefined): Language {
  const wanted = (code ?? 'en').toLowerCase()
  const base = wanted.split(/[-_]/)[0]!
  return (
    LANGUAGES.find((l) => l.locale.toLowerCase() === wanted || l.portalCodes.includes(wanted)) ??
    LANGUAGES.find((l) => l.locale.toLowerCase().split('-')[0] === base || l.portalCodes.includes(base)) ??
    LANGUAGES[0]!
  )
}

const loaded = new Map<string, Catalogue>([['en', en]])
// One promise per language, kept: React's `use` needs the same promise on every render.
const pending = new Map<string, Promise<void>>([['en', Promise.resolve()]])
const listeners = new Set<() => void>()

/** Loads a language's catalogue (once); resolves when `catalogueNow` can give it. A failed load keeps English. */
export function ensureLanguage(code: string | null | undefined): Promise<void> {
  const language = languageFor(code)
  let promise = pending.get(language.locale)
  if (!promise) {
    promise = language.load().then(
      (catalogue) => {
        loaded.set(language.locale, catalogue)
        for (const listener of listeners) listener()
      },
      (error: unknown) => console.warn(`Could not load the ${language.locale} catalogue; showing English`, error),
    )
    pending.set(language.locale, promise)
  }
  return promise
}

/** The catalogue and locale to use now: the language's if loaded, English until then. */
export function catalogueNow(code: string | null | undefined): { locale: string; catalogue: Catalogue } {
  const language = languageFor(code)
  const catalogue = loaded.get(language.locale)
  return catalogue ? { locale: language.locale, catalogue } : { locale: 'en', catalogue: en }
}

export function subscribeLanguages(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
