import { beforeAll, describe, expect, it } from 'vitest'
import { createTranslator } from './i18n'
import { en } from './en'
import { ensureLanguage, LANGUAGES } from './languages'

beforeAll(() => Promise.all(LANGUAGES.map((l) => ensureLanguage(l.locale))))

describe('createTranslator', () => {
  it('follows the portal LANG and falls back to English for languages it lacks', () => {
    expect(createTranslator('ru').t('feed.label')).toBe('Чат задачи')
    expect(createTranslator('DE').t('feed.label')).toBe('Aufgaben-Chat')
    expect(createTranslator('xx').t('feed.label')).toBe('Task chat')
    expect(createTranslator('ru-RU').locale).toBe('ru')
    expect(createTranslator('br').locale).toBe('pt-BR')
    expect(createTranslator('la').locale).toBe('es')
    expect(createTranslator('ua').locale).toBe('uk')
    expect(createTranslator('pl').t('composer.send')).not.toBe('Send')
    expect(createTranslator(undefined).locale).toBe('en')
  })

  it('fills values and picks plural forms by the language’s rules', () => {
    const ruT = createTranslator('ru').t
    expect(ruT('feed.newCount', { count: 1 })).toBe('1 новое сообщение')
    expect(ruT('feed.newCount', { count: 3 })).toBe('3 новых сообщения')
    expect(ruT('feed.newCount', { count: 25 })).toBe('25 новых сообщений')
    expect(createTranslator('en').t('feed.newCount', { count: 1 })).toBe('1 new message')
    expect(createTranslator('en').t('feed.hiddenEvents', { count: 1200 })).toBe('1,200 system events hidden')
    expect(createTranslator('en').t('feed.announce', { name: 'Emily', text: 'hi' })).toBe('New message from Emily: hi')
  })

  it('has every key in every catalogue, none empty, with the same placeholders as English', async () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort()
    for (const language of LANGUAGES) {
      const { locale } = language
      const catalogue = await language.load()
      expect(Object.keys(catalogue).sort(), locale).toEqual(Object.keys(en).sort())
      for (const [key, value] of Object.entries(catalogue)) {
        expect(value.trim(), `${locale} ${key}`).not.toBe('')
        expect(new Set(placeholders(value)), `${locale} ${key}`).toEqual(new Set(placeholders(en[key as keyof typeof en])))
      }
    }
  })

  it('gives every plural number of every language a form', () => {
    for (const { locale } of LANGUAGES) {
      const t = createTranslator(locale).t
      for (const count of [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5]) {
        expect(t('feed.newCount', { count }), `${locale} ${count}`).not.toMatch(/plural|\{/)
      }
    }
  })
})
