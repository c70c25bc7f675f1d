import { describe, expect, it } from 'vitest'
import { createTranslator } from './i18n'
import { en } from './en'
import { ru } from './ru'
import { de } from './de'

describe('createTranslator', () => {
  it('follows the portal LANG and falls back to English for languages it lacks', () => {
    expect(createTranslator('ru').t('feed.label')).toBe('Чат задачи')
    expect(createTranslator('DE').t('feed.label')).toBe('Aufgaben-Chat')
    expect(createTranslator('xx').t('feed.label')).toBe('Task chat')
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

  it('has every key in every catalogue, none empty', () => {
    for (const catalogue of [ru, de]) {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort())
      for (const value of Object.values(catalogue)) expect(value.trim()).not.toBe('')
    }
  })
})
