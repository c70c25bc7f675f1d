import { describe, expect, it } from 'vitest'
import { legacyContentPage, searchContentPage } from './content-fixtures'
import { toHistoryPage } from './map-history'
import { reactionsOf } from './reactions'

const byId = (raw: unknown) => new Map(toHistoryPage(raw, 1001).messages.map((m) => [m.id, m]))

describe('a message’s content outside its text', () => {
  it('reads ATTACH blocks of every kind from both readers alike, skipping what does not fit', () => {
    for (const page of [legacyContentPage, searchContentPage]) {
      const [attach] = byId(page).get(501)!.attach!
      expect(attach!.color).toBe('#aac337')
      expect(attach!.description).toBe('Result: [B]shipped[/B]')
      expect(attach!.blocks.map((b) => b.kind)).toEqual(['message', 'delimiter', 'grid', 'link', 'richLink', 'image', 'file', 'user', 'link'])
      expect(attach!.blocks[2]).toEqual({
        kind: 'grid',
        items: [
          { display: 'LINE', name: 'Status', value: 'Completed', color: null, width: null, url: null },
          { display: 'ROW', name: 'Deadline', value: 'Friday', color: null, width: null, url: null },
        ],
      })
      expect(attach!.blocks[4]).toEqual({
        kind: 'richLink',
        items: [{ name: 'Rich page', url: '/company/page/', desc: 'From the portal', preview: 'javascript:alert(1)' }],
      })
    }
  })

  it('reads KEYBOARD buttons: links unescaped, commands for the messenger, disabled ones, rows; mobile-only and empty ones left out', () => {
    for (const page of [legacyContentPage, searchContentPage]) {
      expect(byId(page).get(501)!.keyboard).toEqual([
        {
          kind: 'button',
          text: 'Open the old comments',
          link: 'https://example.com/old?a=1&b=2',
          messengerOnly: false,
          disabled: false,
          display: 'LINE',
          bgColor: null,
          textColor: null,
        },
        { kind: 'newline' },
        { kind: 'button', text: 'Run report', link: null, messengerOnly: true, disabled: false, display: 'BLOCK', bgColor: null, textColor: null },
        {
          kind: 'button',
          text: 'Closed',
          link: 'https://example.com/closed',
          messengerOnly: false,
          disabled: true,
          display: 'BLOCK',
          bgColor: null,
          textColor: null,
        },
      ])
    }
    expect(byId({ messages: [{ ...legacyContentPage.messages[0], params: { KEYBOARD: 'N' } }] }).get(504)!.keyboard).toBeUndefined()
  })

  it('reads search’s reactions of every kind with who and whose; the legacy reader has none (LIKE only)', () => {
    const search = byId(searchContentPage)
    expect(search.get(504)!.reactions).toEqual([
      { code: 'like', count: 1, userIds: [1], own: true },
      { code: 'fire', count: 1, userIds: [3], own: false },
      { code: 'faceWithTearsOfJoy', count: 7, userIds: [], own: false },
    ])
    expect(search.get(502)!.reactions).toEqual([])
    const legacy = byId(legacyContentPage).get(504)!
    expect(legacy.reactions).toBeUndefined()
    expect(legacy.likedBy).toEqual([1, 3])
  })

  it('keeps REPLY_ID from search (a string) and finds none in the legacy reader', () => {
    expect(byId(searchContentPage).get(504)!.replyToId).toBe(501)
    expect(byId(legacyContentPage).get(504)!.replyToId).toBeNull()
  })

  it('reads stickers with their picture from search’s `stickers`, and without one from the legacy reader', () => {
    expect(byId(searchContentPage).get(503)!.sticker).toEqual({
      id: 5,
      packId: 1,
      packType: 'vendor',
      url: 'https://example.com/sticker.png',
      width: 256,
      height: 256,
    })
    expect(byId(legacyContentPage).get(503)!.sticker).toEqual({ id: 5, packId: 1, packType: 'vendor', url: null, width: null, height: null })
  })

  it('does not take the legacy reader’s "deleted" mark on a sticker’s message (it has no text) for a deletion', () => {
    const sticker = {
      ...legacyContentPage.messages[1]!,
      text: 'The message was deleted',
      params: { STICKER_PARAMS: { ID: 5, PACK_ID: 1, PACK_TYPE: 'vendor' }, IS_DELETED: 'Y' },
    }
    expect(byId({ messages: [sticker] }).get(503)).toMatchObject({ isDeleted: false, text: '', sticker: { id: 5 } })
    expect(byId({ messages: [{ ...sticker, params: { IS_DELETED: 'Y' } }] }).get(503)).toMatchObject({ isDeleted: true })
  })

  it('reads forwards: search’s `forward` names the author and chat, the legacy FORWARD_ID only says it was forwarded', () => {
    expect(byId(searchContentPage).get(502)!.forward).toEqual({ userId: 3, chatTitle: 'Design team' })
    expect(byId(legacyContentPage).get(502)!.forward).toEqual({ userId: null, chatTitle: null })
    expect(byId(legacyContentPage).get(504)!.forward).toBeUndefined()
  })

  it('names the people who reacted from search’s usersShort', () => {
    expect(toHistoryPage(searchContentPage, 1001).authors.map((a) => a.name)).toEqual(['Alex Morgan', 'Maria Ivanova', 'Oleg Petrov', 'Ivan Far'])
  })

  it('reads the writers’ short forms too: ATTACH as its blocks alone, KEYBOARD as {BUTTONS}', () => {
    const short = {
      ...legacyContentPage.messages[0]!,
      params: { ATTACH: [{ MESSAGE: 'Only blocks' }], KEYBOARD: { BUTTONS: [{ TEXT: 'Go', LINK: 'https://example.com' }] } },
    }
    const message = byId({ messages: [short] }).get(504)!
    expect(message.attach).toEqual([{ color: null, description: '', blocks: [{ kind: 'message', text: 'Only blocks' }] }])
    expect(message.keyboard).toMatchObject([{ kind: 'button', text: 'Go', link: 'https://example.com' }])
  })

  it('never drops a message for content it cannot read', () => {
    const odd = { ...legacyContentPage.messages[0], params: { ATTACH: 'garbage', KEYBOARD: { TEXT: 1 }, STICKER_PARAMS: [] } }
    const page = toHistoryPage({ messages: [odd], reactions: [{ messageId: 'x' }] }, 1001)
    expect(page.messages).toHaveLength(1)
    expect(page.messages[0]).toMatchObject({ id: 504, text: 'the answer', reactions: [] })
    expect(page.messages[0]!.attach).toBeUndefined()
  })
})

describe('reactionsOf', () => {
  it('shows LIKE as likes where the page has no reaction for a liked message (likes older than reactions)', () => {
    const page = toHistoryPage({ ...searchContentPage, reactions: [] }, 1001)
    const liked = page.messages.find((m) => m.id === 504)!
    expect(reactionsOf(liked, 1)).toEqual([{ code: 'like', count: 2, userIds: [1, 3], own: true }])
  })
})
