import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MessageText } from './message-text'
import type { RenderContext } from './render-bbcode'

const ctx: RenderContext = { userName: (id) => ({ 5: 'Emily Zhang' })[id], baseUrl: 'http://127.0.0.1:8080', allLabel: 'all' }
const show = (text: string, highlight: string, extra: Partial<RenderContext> = {}) =>
  render(<MessageText text={text} ctx={{ ...ctx, highlight, ...extra }} />).container
const marks = (root: HTMLElement) => [...root.querySelectorAll('mark')].map((m) => m.textContent)

describe('MessageText with a search term highlighted', () => {
  it('marks every match in plain text, whatever its case, words and spaces alike, and keeps the rest of the text', () => {
    expect(marks(show('the budget review is due', 'BUDGET REVIEW'))).toEqual(['budget review'])
    const root = show('Budget first, then the budget review. BUDGET!', 'budget')
    expect(marks(root)).toEqual(['Budget', 'budget', 'BUDGET'])
    expect(root).toHaveTextContent('Budget first, then the budget review. BUDGET!')
  })

  it('marks inside formatting, links, mentions and code, and across Cyrillic case', () => {
    const root = show('[b]Отчёт готов[/b] [url=https://example.com]отчёт here[/url] [user=5][/user] [code]let отчёт = 1[/code]', 'ОТЧЁТ')
    expect(marks(root)).toEqual(['Отчёт', 'отчёт', 'отчёт'])
    expect(root.querySelector('strong mark')).toHaveTextContent('Отчёт')
    expect(root.querySelector('a mark')).toHaveTextContent('отчёт')
    expect(root.querySelector('code mark')).toHaveTextContent('отчёт')
    expect(marks(show('ask [user=5][/user]', 'zhang'))).toEqual(['Zhang'])
  })

  it('takes the term literally: regular-expression characters match themselves', () => {
    expect(marks(show('costs (approx.) $40 or a+b', '(approx.)'))).toEqual(['(approx.)'])
    expect(marks(show('a+b and ab', 'a+b'))).toEqual(['a+b'])
    expect(marks(show('nothing here', '.*'))).toEqual([])
  })

  it('never turns markup in the text or the term into elements', () => {
    const root = show('<img src=x onerror=alert(1)> and <b>bold</b>', '<img src=x onerror=alert(1)>')
    expect(marks(root)).toEqual(['<img src=x onerror=alert(1)>'])
    expect(root.querySelector('img, b, script')).toBeNull()
    const odd = show('[url=javascript:alert(1)]click me[/url] <script>alert(1)</script>', 'script')
    expect(odd.querySelector('script, a')).toBeNull()
    // The unsafe link shows its label only; the script tags are text, each word marked.
    expect(odd).toHaveTextContent('click me <script>alert(1)</script>')
    expect(marks(odd)).toEqual(['script', 'script'])
  })

  it('marks nothing without a term, and in a preview shows links as their text and drops colour and size', () => {
    expect(marks(show('budget', ''))).toEqual([])
    const root = show('see https://bitrix24.com/x and [url=https://example.com]the brief[/url]', 'brief', { preview: true })
    expect(root.querySelector('a')).toBeNull()
    expect(root).toHaveTextContent('see https://bitrix24.com/x and the brief')
    expect(marks(root)).toEqual(['brief'])
    const styled = show('[color=#d9534f]red brief[/color] [size=24]big[/size]', 'brief', { preview: true })
    expect(styled.querySelector('[style]')).toBeNull()
    expect(marks(styled)).toEqual(['brief'])
  })
})
