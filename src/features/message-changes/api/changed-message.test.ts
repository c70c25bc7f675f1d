import { describe, expect, it } from 'vitest'
import { aMessage } from '../../../chat/test-message'
import { applyChange, isChangeable, isEditable, rolledBack, type Change } from './changed-message'

describe('a message changed before the portal says yes', () => {
  it('shows an edit as edited with the new text, a deletion as deleted, a like with the viewer among those who liked', () => {
    const message = aMessage(7, { text: 'old', likedBy: [3] })
    expect(applyChange(message, { kind: 'edit', text: 'new' })).toMatchObject({ text: 'new', isEdited: true })
    expect(applyChange(message, { kind: 'delete' })).toMatchObject({ isDeleted: true, text: '' })
    expect(applyChange(message, { kind: 'like', userId: 1, like: true }).likedBy).toEqual([3, 1])
    expect(applyChange(aMessage(7, { likedBy: [1, 3] }), { kind: 'like', userId: 1, like: false }).likedBy).toEqual([3])
  })

  it('rolls an edit or a deletion back to the message as it was, unless a read replaced it meanwhile', () => {
    const previous = aMessage(7, { text: 'old' })
    const change: Change = { kind: 'edit', text: 'new' }
    const optimistic = applyChange(previous, change)
    expect(rolledBack(optimistic, optimistic, previous, change)).toBe(previous)
    const read = aMessage(7, { text: 'changed elsewhere', isEdited: true })
    expect(rolledBack(read, optimistic, previous, change)).toBe(read)
  })

  it('rolls a like back on what is cached now, keeping likes that arrived meanwhile', () => {
    const change: Change = { kind: 'like', userId: 1, like: true }
    const previous = aMessage(7, { likedBy: [] })
    const optimistic = applyChange(previous, change)
    const meanwhile = aMessage(7, { likedBy: [1, 4] })
    expect(rolledBack(meanwhile, optimistic, previous, change).likedBy).toEqual([4])
  })
})

describe('a like on a message whose reactions are known (search)', () => {
  const fire = { code: 'fire', count: 1, userIds: [3], own: false }
  it('adds the viewer’s like reaction beside the other kinds, and takes it away again', () => {
    const message = aMessage(7, { likedBy: [3], reactions: [fire] })
    const liked = applyChange(message, { kind: 'like', userId: 1, like: true })
    expect(liked.likedBy).toEqual([3, 1])
    expect(liked.reactions).toEqual([{ code: 'like', count: 1, userIds: [1], own: true }, fire])
    expect(applyChange(liked, { kind: 'like', userId: 1, like: false }).reactions).toEqual([fire])
  })

  it('counts the viewer among likes the portal did not list, and leaves unknown reactions unknown', () => {
    const many = aMessage(7, { likedBy: [2, 3, 4, 5, 6, 8], reactions: [{ code: 'like', count: 6, userIds: [], own: false }] })
    expect(applyChange(many, { kind: 'like', userId: 1, like: true }).reactions).toEqual([{ code: 'like', count: 7, userIds: [1], own: true }])
    expect(applyChange(aMessage(7, { likedBy: [3] }), { kind: 'like', userId: 1, like: true }).reactions).toBeUndefined()
    // Search said no reactions while LIKE has someone (a like older than reactions): that like counts.
    expect(applyChange(aMessage(7, { likedBy: [3], reactions: [] }), { kind: 'like', userId: 1, like: true }).reactions).toEqual([
      { code: 'like', count: 2, userIds: [3, 1], own: true },
    ])
  })
})

describe('which messages the viewer may edit or delete', () => {
  const now = Date.UTC(2026, 10, 26)
  const fresh = new Date(now - 60_000)
  it('only their own, posted, not deleted, whatever their age: the portal keeps the time limit', () => {
    expect(isChangeable(aMessage(1, { authorId: 1, date: fresh }), 1)).toBe(true)
    expect(isChangeable(aMessage(1, { authorId: 2, date: fresh }), 1)).toBe(false)
    expect(isChangeable(aMessage(1, { authorId: 0, isSystem: true, date: fresh }), 0)).toBe(false)
    expect(isChangeable(aMessage(1, { authorId: 1, date: fresh, isDeleted: true }), 1)).toBe(false)
    // Four days old, a year old: offered; a portal past its window answers CANT_EDIT_MESSAGE, which hides them.
    expect(isChangeable(aMessage(1, { authorId: 1, date: new Date(now - 4 * 86_400_000) }), 1)).toBe(true)
    expect(isChangeable(aMessage(1, { authorId: 1, date: new Date(now - 365 * 86_400_000) }), 1)).toBe(true)
  })

  it('a forward of their own may be deleted, not edited', () => {
    const forward = aMessage(1, { authorId: 1, date: fresh, forward: { userId: null, chatTitle: null } })
    expect(isChangeable(forward, 1)).toBe(true)
    expect(isEditable(forward, 1)).toBe(false)
    expect(isEditable(aMessage(1, { authorId: 1, date: fresh }), 1)).toBe(true)
  })
})
