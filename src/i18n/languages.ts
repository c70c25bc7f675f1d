import type { Catalogue, MessageKey } from './en'
import { enFirst } from './en-first'
import { LANGUAGE_CODES, languageCodeFor, type LanguageCode } from './language-codes'

interface Language extends LanguageCode {
  /** Catalogues other than English load on demand: a user downloads only their own language. */
  load(): Promise<Catalogue>
}

/** All of English: its first part is in the initial script, the rest is a chunk of its own (ensureEnglishRest). */
const loadEnglish = async () => (await import('./en')).en

const LOADERS: Record<string, () => Promise<Catalogue>> = {
  en: loadEnglish,
  ru: async () => (await import('./ru')).ru,
  de: async () => (await import('./de')).de,
  es: async () => (await import('./es')).es,
  'pt-BR': async () => (await import('./pt-br')).ptBr,
  pl: async () => (await import('./pl')).pl,
  uk: async () => (await import('./uk')).uk,
}

/** Every language the UI speaks (language-codes.ts), with its catalogue's loader. */
export const LANGUAGES: Language[] = LANGUAGE_CODES.map((code) => ({ ...code, load: LOADERS[code.locale]! }))

const languageFor = (code: string | null | undefined): Language => LANGUAGES.find((l) => l.locale === languageCodeFor(code).locale)!

// English starts as its first part (what the first frame and the boot states say) and becomes whole
// once ensureEnglishRest has loaded the rest; every other language loads whole.
const loaded = new Map<string, Partial<Catalogue>>([['en', enFirst]])
// One promise per language, kept: React's `use` needs the same promise on every render.
const pending = new Map<string, Promise<void>>([['en', Promise.resolve()]])
const listeners = new Set<() => void>()
let englishRest: Promise<void> | undefined

/**
 * Loads the rest of English (once; a failed load is forgotten, so asking again retries), resolving
 * when every key has its English text. What the first frame says needs only the first part; the
 * screen's module waits for this before it resolves (task-chat.tsx), so does every page but the
 * task chat (mount-page.tsx), and a key the first part lacks asks for it at once (englishText).
 * Not before the first message has painted: the task card's initial script is only what that needs.
 */
export function ensureEnglishRest(): Promise<void> {
  englishRest ??= loadEnglish().then(
    (catalogue) => {
      loaded.set('en', catalogue)
      for (const listener of listeners) listener()
    },
    (error: unknown) => {
      englishRest = undefined
      throw error
    },
  )
  return englishRest
}

/**
 * A key's English text, the fallback of a language that has not loaded (yet). One the first part
 * lacks, asked for before the rest has come, starts loading it and stands as an ellipsis until the
 * translators built after it arrives replace it (never the raw key, never empty); en-first.test.ts
 * keeps this from happening to what the first frame and the boot states say.
 */
export function englishText(key: MessageKey): string {
  const text = loaded.get('en')![key]
  if (text !== undefined) return text
  console.warn(`"${key}" was asked for before the rest of English had loaded: it belongs in en-first.ts, or its view should wait for ensureEnglishRest`)
  ensureEnglishRest().catch((error: unknown) => console.warn('Could not load the rest of English', error))
  return '…'
}

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

/**
 * The catalogue and locale to use now: the language's if loaded, English until then (of which the
 * first part may be all there is yet: look keys up through englishText when missing). A new object
 * once a catalogue arrives, so that a translator built before it is built again.
 */
export function catalogueNow(code: string | null | undefined): { locale: string; catalogue: Partial<Catalogue> } {
  const language = languageFor(code)
  const catalogue = loaded.get(language.locale)
  return catalogue ? { locale: language.locale, catalogue } : { locale: 'en', catalogue: loaded.get('en')! }
}

export function subscribeLanguages(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
