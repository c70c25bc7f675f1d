import { describe, expect, it } from 'vitest'
import type { Message } from '../types'
import { keepOwnChanges, noteOwnChange, SETTLE_MS } from './own-changes'
import type { Read } from './reads'

const message = (id: number, text: string) => ({ id, text }) as Message
const readOf = (...messages: Message[]): Read => ({
  run: { from: messages[0]!.id, to: messages.at(-1)!.id, messages, startReached: false, limitedByPlan: false, live: true },
  authors: [],
  files: [],
})

describe('a poll asked for before the reader’s own change', () => {
  it('keeps the changed message as the reader left it, and takes the portal’s word once the change has settled', () => {
    const edited = message(11, 'Edited on screen')
    const cached = new Map([[11, edited]])
    noteOwnChange(11, 10_000)
    const read = readOf(message(10, 'Other'), message(11, 'Before the edit'))
    expect(keepOwnChanges(read, 9_900, cached).run.messages.map((m) => m.text)).toEqual(['Other', 'Edited on screen'])
    expect(keepOwnChanges(read, 10_000 + SETTLE_MS, cached)).toBe(read)
  })

  it('leaves a read of messages the reader did not change as it is', () => {
    const read = readOf(message(20, 'Untouched'))
    expect(keepOwnChanges(read, 0, new Map())).toBe(read)
  })
})
