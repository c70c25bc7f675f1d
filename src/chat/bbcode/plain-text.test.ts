import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../i18n/i18n'
import { ensureLanguage } from '../../i18n/languages'
import { plainText } from './plain-text'

// 2026-01-01 12:00 UTC: the same calendar day in every zone from UTC-11 to UTC+11.
const NOON = 1767268800
const dashes = '-'.repeat(54)

describe('plainText: a message as words, for excerpts, previews and announcements', () => {
  it('says a [TIMESTAMP] as its date in the reader’s language', async () => {
    await ensureLanguage('de')
    const text = `Deadline: [TIMESTAMP=${NOON} FORMAT=LONG_DATE_FORMAT]`
    expect(plainText(text, Infinity, createTranslator('en'))).toBe('Deadline: January 1, 2026')
    expect(plainText(text, Infinity, createTranslator('de'))).toBe('Deadline: 1. Januar 2026')
    // No reader given: still a date, never the code.
    expect(plainText(text)).toMatch(/^Deadline: \D*\d.*2026/)
  })

  it('gives the messenger’s words for the codes it cannot show, and names people', () => {
    const reader = { ...createTranslator('en'), userName: (id: number) => (id === 5 ? 'Emily Zhang' : undefined) }
    const text =
      '[USER=5][/USER] sent [DISK=12] [IMG SIZE=small]https://x.example/a.png[/IMG] [ATTACH=1] [ICON=https://x.example/i.png title=Smile] [RATING=4] [PCH=3][/PCH] [b]done[/b] [url=https://x.example]here[/url]'
    expect(plainText(text, Infinity, reader)).toBe('Emily Zhang sent [File] [Image] [Attachment] Smile Rating: 4 Call done here')
  })

  it('turns a quote into [Quote], so the excerpt is the author’s own words', () => {
    const text = `${dashes}\nJohn Carter [today, 2:05 pm] #chat9/5\nDraft is ready\n${dashes}\nThanks!`
    expect(plainText(text, Infinity, createTranslator('en'))).toBe('[Quote] Thanks!')
    expect(plainText('>>Can we ship?\nYes.', Infinity, createTranslator('en'))).toBe('[Quote] Yes.')
  })

  it('cuts to the length asked, with an ellipsis', () => {
    expect(plainText('[b]one two three[/b]', 7)).toBe('one two…')
  })
})
