import { describe, expect, it } from 'vitest'
import { findMentionTrigger, insertMention, matchesQuery, withMentionCodes } from './mention-trigger'

describe('mentions in the composer', () => {
  it('notices an @word at the caret, at the start or after a space, but not inside an address', () => {
    expect(findMentionTrigger('@', 1)).toEqual({ start: 0, query: '' })
    expect(findMentionTrigger('Hi @Emi', 7)).toEqual({ start: 3, query: 'Emi' })
    expect(findMentionTrigger('mail me at a@b.c', 16)).toBeNull()
    expect(findMentionTrigger('Hi @Emily and', 13)).toBeNull()
  })

  it('shows the chosen person as @name, with one space after it and the caret past it', () => {
    const emily = { id: 5, name: 'Emily Zhang' }
    expect(insertMention('Hi @Emi', findMentionTrigger('Hi @Emi', 7)!, 7, emily)).toEqual({ text: 'Hi @Emily Zhang ', caret: 16, autoSpace: true })
    // Text after the caret that starts with a space or punctuation gets no second space.
    expect(insertMention('Hi @Emi see', findMentionTrigger('Hi @Emi see', 7)!, 7, emily)).toEqual({ text: 'Hi @Emily Zhang see', caret: 16, autoSpace: false })
    expect(insertMention('Hi @Emi, see', findMentionTrigger('Hi @Emi, see', 7)!, 7, emily).text).toBe('Hi @Emily Zhang, see')
  })

  it('sends each chosen @name as the mention code, and nothing else', () => {
    const mentions = [
      { id: 5, name: 'Emily Zhang' },
      { id: 9, name: 'Emily' },
    ]
    expect(withMentionCodes('Thanks @Emily Zhang and @Emily, mail e@Emily.com', mentions)).toBe(
      'Thanks [USER=5]Emily Zhang[/USER] and [USER=9]Emily[/USER], mail e@Emily.com',
    )
    expect(withMentionCodes('@Мария Иванова!', [{ id: 2, name: 'Мария Иванова' }])).toBe('[USER=2]Мария Иванова[/USER]!')
    expect(withMentionCodes('@Emily Zhangs', [{ id: 5, name: 'Emily Zhang' }])).toBe('@Emily Zhangs')
    expect(withMentionCodes('no mentions', [])).toBe('no mentions')
  })

  it('matches any word of a name from its beginning, in any script and case', () => {
    expect(matchesQuery('Мария Иванова', 'ив')).toBe(true)
    expect(matchesQuery('Emily Zhang', 'zh')).toBe(true)
    expect(matchesQuery('Emily Zhang', 'ang')).toBe(false)
  })
})
