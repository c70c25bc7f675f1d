import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MessageText } from './message-text'
import type { RenderContext } from './render-bbcode'
import { splitQuotes } from './split-quotes'

const ctx: RenderContext = { userName: () => undefined, baseUrl: 'http://127.0.0.1:8080', allLabel: 'all' }

// An ATTACH's text is not run through Im\Text::parse, so its line breaks stay `[br]`: the tasks module's
// notices carry a result's words there, and a reply's quote line comes after a `[br]`.
const notice = '[b]Task status summary[/b][br]>>the CTA button is hard to see on mobile[br]Also the headline wraps badly at 360px.'

describe('a quote line in text that breaks lines with [br] (an ATTACH of a notice)', () => {
  it('is split off as a quote, the text before and after it kept', () => {
    expect(splitQuotes(notice)).toEqual([
      { kind: 'text', text: '[b]Task status summary[/b]' },
      { kind: 'quote', blocks: [{ kind: 'text', text: 'the CTA button is hard to see on mobile' }] },
      { kind: 'text', text: 'Also the headline wraps badly at 360px.' },
    ])
  })

  it('is drawn as a quote with no `>>` left, escaped (`&gt;&gt;`) or not', () => {
    for (const text of [notice, notice.replace('>>', '&gt;&gt;'), '&gt;&gt;quoted\nreply']) {
      const { container, unmount } = render(<MessageText text={text} ctx={ctx} />)
      expect(container.querySelector('blockquote')).not.toBeNull()
      expect(container.textContent).not.toMatch(/>>|&gt;/)
      unmount()
    }
  })

  it('leaves text without a quote as it was: `[br]` stays a break, `>>` inside a line stays text', () => {
    expect(splitQuotes('one[br]two >> three')).toEqual([{ kind: 'text', text: 'one[br]two >> three' }])
  })
})
