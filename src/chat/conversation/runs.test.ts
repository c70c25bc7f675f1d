import { describe, expect, it } from 'vitest'
import type { Message } from '../types'
import { addRead, addSent, replaceMessage, runOf, type Run } from './runs'
import { aMessage } from '../test-message'

const msg = (id: number, text = `m${id}`): Message => aMessage(id, { text })
const run = (from: number, to: number, ids: number[], extra: Partial<Run> = {}): Run => ({
  from,
  to,
  messages: ids.map((id) => msg(id)),
  startReached: false,
  limitedByPlan: false,
  live: false,
  ...extra,
})
const ids = (r: Run | undefined) => r?.messages.map((m) => m.id)

describe('the conversation runs', () => {
  it('joins an older page to the run it was read before (ids are not consecutive)', () => {
    const live = run(100, 130, [100, 110, 130], { live: true })
    const runs = addRead([live], run(40, 99, [40, 70, 95]))
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ from: 40, to: 130, live: true })
    expect(ids(runs[0])).toEqual([40, 70, 95, 100, 110, 130])
  })

  it('keeps a window far back apart from the live run, then joins them when the pages between meet', () => {
    let runs = addRead([run(900, 1000, [900, 1000], { live: true })], run(100, 200, [100, 150, 200]))
    expect(runs.map((r) => [r.from, r.to])).toEqual([
      [100, 200],
      [900, 1000],
    ])
    expect(runOf(runs, 150)?.from).toBe(100)
    expect(runOf(runs, null)?.from).toBe(900)
    runs = addRead(runs, run(201, 600, [300, 600]))
    expect(runs).toHaveLength(2)
    runs = addRead(runs, run(601, 899, [700]))
    expect(runs).toHaveLength(1)
    expect(ids(runs[0])).toEqual([100, 150, 200, 300, 600, 700, 900, 1000])
    expect(runs[0]!.live).toBe(true)
  })

  it('joins overlapping runs and takes the read as the truth in its range: edits replace, missing messages are gone', () => {
    const cached = run(10, 50, [10, 20, 30, 40, 50], { live: true })
    const reread: Run = { ...run(20, 60, []), messages: [msg(20, 'edited'), msg(40), msg(60)], live: true }
    const [joined] = addRead([cached], reread)
    expect(ids(joined)).toEqual([10, 20, 40, 60])
    expect(joined!.messages[1]!.text).toBe('edited')
    expect(joined).toMatchObject({ from: 10, to: 60 })
  })

  it('a live read that does not reach the old live run leaves a gap: the old run is live no more', () => {
    const runs = addRead([run(10, 50, [10, 50], { live: true })], run(200, 300, [200, 300], { live: true }))
    expect(runs.map((r) => r.live)).toEqual([false, true])
  })

  it('a send confirmed before its poll shows at once, and the poll replaces it without a copy', () => {
    const live = run(10, 50, [10, 50], { live: true })
    const sent = addSent([live], msg(70, 'mine'))
    expect(ids(runOf(sent, null))).toEqual([10, 50, 70])
    // Another user's message (60) came before mine; the poll above 50 brings both.
    const polled = addRead(sent, { ...run(51, 70, []), messages: [msg(60), msg(70, 'mine, as stored')], live: true })
    expect(ids(runOf(polled, null))).toEqual([10, 50, 60, 70])
    expect(runOf(polled, null)!.messages.at(-1)!.text).toBe('mine, as stored')
  })

  it('a send confirmed after its poll is not added twice', () => {
    const polled = addRead([run(10, 50, [10, 50], { live: true })], run(51, 70, [70], { live: true }))
    const sent = addSent(polled, msg(70, 'mine'))
    expect(ids(runOf(sent, null))).toEqual([10, 50, 70])
    expect(runOf(sent, null)!.messages.at(-1)!.text).toBe('m70')
  })

  it('a send above the live run is dropped by a read that covers it and lacks it (deleted meanwhile)', () => {
    const sent = addSent([run(10, 50, [10, 50], { live: true })], msg(70))
    const polled = addRead(sent, run(51, 80, [80], { live: true }))
    expect(ids(runOf(polled, null))).toEqual([10, 50, 80])
  })

  it('keeps the start of the chat and the plan limit with the oldest run', () => {
    const runs = addRead([run(100, 200, [100, 200], { live: true })], run(0, 99, [], { startReached: true, limitedByPlan: true }))
    expect(runs[0]).toMatchObject({ from: 0, startReached: true, limitedByPlan: true, live: true })
  })
})

describe('reads that change nothing', () => {
  it('leave the runs and their messages as they were (nothing re-renders on a quiet poll)', () => {
    const runs = [run(10, 50, [10, 30, 50], { live: true })]
    const again = addRead(runs, run(20, 50, [30, 50], { live: true }))
    expect(again).toBe(runs)
    const liked = addRead(runs, { ...run(20, 50, [30]), messages: [msg(30), { ...msg(50), likedBy: [4] }], live: true })
    expect(liked).not.toBe(runs)
    expect(liked[0]!.messages[1]).toBe(runs[0]!.messages[1])
    expect(liked[0]!.messages[2]!.likedBy).toEqual([4])
  })
})

describe('empty reads', () => {
  it('an empty newest page beside a live run with messages changes nothing', () => {
    const runs = [run(10, 50, [10, 50], { live: true })]
    expect(addRead(runs, run(0, 0, [], { live: true, startReached: true }))).toBe(runs)
  })

  it('an empty page older than a run reaches only down to the run below it (its cursor may have been deleted)', () => {
    const runs = [run(100, 200, [100, 200]), run(1000, 1100, [1000, 1100], { live: true })]
    const after = addRead(runs, run(0, 999, [], { startReached: true }))
    expect(after).toHaveLength(1)
    expect(ids(after[0])).toEqual([100, 200, 1000, 1100])
    expect(after[0]).toMatchObject({ from: 100, startReached: false })
  })

  it('writes a changed message in place in the run that holds it, and changes nothing when no run does', () => {
    const far = run(10, 20, [10, 20])
    const live = run(100, 130, [100, 110, 130], { live: true })
    const runs = [far, live]
    const edited = aMessage(110, { text: 'fixed', isEdited: true })
    const next = replaceMessage(runs, edited)
    expect(next[0]).toBe(far)
    expect(next[1]!.messages.map((m) => m.text)).toEqual(['m100', 'fixed', 'm130'])
    expect(next[1]!.messages[0]).toBe(live.messages[0])
    expect(next[1]).toMatchObject({ from: 100, to: 130, live: true })
    expect(replaceMessage(runs, aMessage(50))).toBe(runs)
  })

  it('lets the next read of its range overrule a change the portal has not confirmed', () => {
    const live = run(100, 130, [100, 110, 130], { live: true })
    const optimistic = replaceMessage([live], aMessage(110, { isDeleted: true, text: '' }))
    const reread = addRead(optimistic, run(100, 130, [100, 110, 130], { live: true }))
    expect(reread[0]!.messages[1]).toMatchObject({ id: 110, isDeleted: false, text: 'm110' })
  })
})

describe('a get re-read of messages a search read knew more about', () => {
  const fire = { code: 'fire', count: 1, userIds: [3], own: false }
  const like = { code: 'like', count: 1, userIds: [1], own: true }
  const searched = aMessage(50, {
    replyToId: 40,
    likedBy: [1, 3],
    reactions: [like, fire],
    forward: { userId: 3, chatTitle: 'Design' },
    sticker: { id: 5, packId: 1, packType: 'vendor', url: 'https://example.com/s.png', width: 256, height: 256 },
  })
  const cached = [run(40, 60, [], { live: true, messages: [aMessage(40), searched] })]
  // What im.dialog.messages.get gives of the same message: no REPLY_ID, no reactions, FORWARD_ID only, no sticker picture.
  const got = aMessage(50, {
    likedBy: [1, 3],
    forward: { userId: null, chatTitle: null },
    sticker: { id: 5, packId: 1, packType: 'vendor', url: null, width: null, height: null },
  })
  const reread = (message: typeof got) => addRead(cached, run(40, 60, [], { live: true, messages: [aMessage(40), message] }))
  const at50 = (runs: Run[]) => runs[0]!.messages.find((m) => m.id === 50)!

  it('keeps the reply’s original, the reactions, the forward’s author and the sticker’s picture: nothing re-renders', () => {
    const runs = reread(got)
    expect(runs).toBe(cached)
    expect(at50(runs)).toBe(searched)
  })

  it('takes the text and the rest from the re-read, still keeping what get cannot see', () => {
    const m = at50(reread({ ...got, text: 'edited', isEdited: true }))
    expect(m).toMatchObject({ text: 'edited', isEdited: true, replyToId: 40, reactions: [like, fire], forward: { userId: 3, chatTitle: 'Design' } })
  })

  it('lets the reactions go when LIKE changed (then LIKE is shown as likes until search says which kinds)', () => {
    const m = at50(reread({ ...got, likedBy: [1] }))
    expect(m.reactions).toBeUndefined()
    expect(m.likedBy).toEqual([1])
    expect(m.replyToId).toBe(40)
  })

  it('lets a search re-read replace the reactions, and a deletion take everything', () => {
    expect(at50(reread({ ...got, replyToId: 40, reactions: [fire] })).reactions).toEqual([fire])
    expect(at50(reread({ ...got, isDeleted: true, text: '' }))).toMatchObject({ isDeleted: true, replyToId: null })
  })

  it('keeps the quote of the user’s own reply, sent with REPLY_ID, when get reads it back', () => {
    const mine = aMessage(61, { authorId: 1, replyToId: 40, text: 'my reply' })
    const runs = addRead(
      addSent(cached, mine),
      run(40, 70, [], { live: true, messages: [aMessage(40), searched, aMessage(61, { authorId: 1, text: 'my reply' })] }),
    )
    expect(runs[0]!.messages.find((m) => m.id === 61)!.replyToId).toBe(40)
  })
})

describe('"Seen" (search’s viewedByOthers) across reads', () => {
  const mine = (seenByOthers?: boolean) => aMessage(70, { authorId: 1, text: 'mine', ...(seenByOthers !== undefined && { seenByOthers }) })
  const cached = [run(70, 70, [], { live: true, messages: [mine(false)] })]
  const reread = (message: Message) => addRead(cached, run(70, 70, [], { live: true, messages: [message] }))

  it('a search re-read that says another member has read it replaces the message', () => {
    const runs = reread(mine(true))
    expect(runs).not.toBe(cached)
    expect(runs[0]!.messages[0]!.seenByOthers).toBe(true)
  })

  it('a get re-read, which does not say, keeps what search said: nothing re-renders', () => {
    const seen = [run(70, 70, [], { live: true, messages: [mine(true)] })]
    const runs = addRead(seen, run(70, 70, [], { live: true, messages: [mine()] }))
    expect(runs).toBe(seen)
    expect(runs[0]!.messages[0]!.seenByOthers).toBe(true)
  })
})
