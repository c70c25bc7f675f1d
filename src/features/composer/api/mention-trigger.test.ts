import { describe, expect, it } from 'vitest'
import { findMentionTrigger, insertMention, matchesQuery } from './mention-trigger'

describe('mentions in the composer', () => {
  it('notices an @word at the caret, at the start or after a space, but not inside an address', () => {
    expect(findMentionTrigger('@', 1)).toEqual({ start: 0, query: '' })
    expect(findMentionTrigger('Hi @Emi', 7)).toEqual({ start: 3, query: 'Emi' })
    expect(findMentionTrigger('mail me at a@b.c', 16)).toBeNull()
    expect(findMentionTrigger('Hi @Emily and', 13)).toBeNull()
  })

  it('replaces the @word with the mention code and puts the caret after it', () => {
    const text = 'Hi @Emi, see this'
    const trigger = findMentionTrigger(text, 7)!
    expect(insertMention(text, trigger, 7, { id: 5, name: 'Emily Zhang' })).toEqual({
      text: 'Hi [USER=5]Emily Zhang[/USER] , see this',
      caret: 30,
    })
  })

  it('matches any word of a name from its beginning, in any script and case', () => {
    expect(matchesQuery('Мария Иванова', 'ив')).toBe(true)
    expect(matchesQuery('Emily Zhang', 'zh')).toBe(true)
    expect(matchesQuery('Emily Zhang', 'ang')).toBe(false)
  })
})
