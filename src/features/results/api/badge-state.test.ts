import { describe, expect, it } from 'vitest'
import { badgeView, type BadgeInput } from './badge-state'

const result = { id: 7, messageId: 40, authorId: 1, text: 'Done', createdAt: new Date(0) }
const base: BadgeInput = { result: undefined, canCreate: true, userId: 1, attempt: undefined }

describe('badgeView', () => {
  it('offers "Make result" on a plain message when the user may create results, and nothing when not', () => {
    expect(badgeView(base)).toEqual({ badge: false, action: 'make', error: null })
    expect(badgeView({ ...base, canCreate: false })).toEqual({ badge: false, action: null, error: null })
  })

  it('shows the badge at once while making (optimistic), then keeps it when the portal has the result', () => {
    expect(badgeView({ ...base, attempt: { kind: 'make', status: 'pending', errorKind: null } })).toEqual({ badge: true, action: null, error: null })
    expect(badgeView({ ...base, result, attempt: { kind: 'make', status: 'success', errorKind: null } })).toEqual({
      badge: true,
      action: 'remove',
      error: null,
    })
  })

  it('rolls back and says why when making fails', () => {
    expect(badgeView({ ...base, attempt: { kind: 'make', status: 'error', errorKind: 'access' } })).toEqual({ badge: false, action: 'make', error: 'access' })
  })

  it('offers "Remove result" to the result’s author only', () => {
    expect(badgeView({ ...base, result }).action).toBe('remove')
    expect(badgeView({ ...base, result, userId: 2 })).toEqual({ badge: true, action: null, error: null })
  })

  it('hides the badge at once while removing, and brings it back if removing fails', () => {
    expect(badgeView({ ...base, result, attempt: { kind: 'remove', status: 'pending', errorKind: null } })).toEqual({ badge: false, action: null, error: null })
    expect(badgeView({ ...base, result, attempt: { kind: 'remove', status: 'error', errorKind: 'network' } })).toEqual({
      badge: true,
      action: 'remove',
      error: 'network',
    })
  })
})
