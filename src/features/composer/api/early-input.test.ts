import { beforeEach, describe, expect, it } from 'vitest'
import { earlyInput } from './early-input'

// What the early box holds until the composer takes it: module state, emptied by each take.
beforeEach(() => void earlyInput.take())

describe('the early input', () => {
  it('is nothing to take while untouched, so the composer keeps its own draft', () => {
    earlyInput.seed('Saved draft')
    expect(earlyInput.get().text).toBe('Saved draft')
    earlyInput.take()
    expect(earlyInput.take()).toBeNull()
  })

  it('puts what was typed before the saved draft was known after it, on a new line, the caret kept in it', () => {
    earlyInput.set({ text: 'typed', selectionStart: 5, selectionEnd: 5 })
    earlyInput.seed('Saved draft')
    expect(earlyInput.get()).toMatchObject({ text: 'Saved draft\ntyped', selectionStart: 17, selectionEnd: 17 })
    // Seeded once: a second look at the draft changes nothing.
    earlyInput.seed('Saved draft')
    expect(earlyInput.get().text).toBe('Saved draft\ntyped')
  })

  it('hands over text, files and sends once, in the order they came', () => {
    const file = new File(['x'], 'a.txt')
    earlyInput.set({ sends: [{ text: 'first', files: [] }], files: [file], text: 'draft', focused: true })
    expect(earlyInput.take()).toMatchObject({ sends: [{ text: 'first', files: [] }], files: [file], text: 'draft', focused: true })
    expect(earlyInput.take()).toBeNull()
  })
})
