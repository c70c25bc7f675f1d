import { describe, expect, it } from 'vitest'
import { readableColor } from './readable-color'

const lum = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const ratio = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05)

describe('readableColor', () => {
  it('keeps a colour that already reads, and shifts one that does not only as far as AA', () => {
    expect(readableColor('#0154c8').light).toBe('#0154c8')
    for (const colour of ['#ff6a00', '#ffff00', '#fff', '#000', '#d9534f', '#00ff00']) {
      const { light, dark } = readableColor(colour)
      // The lightest light and the darkest dark background a message's text sits on (a message jumped to).
      expect(ratio(light, '#c2e0ff'), `${colour} light`).toBeGreaterThanOrEqual(4.5)
      expect(ratio(dark, '#133a66'), `${colour} dark`).toBeGreaterThanOrEqual(4.5)
    }
  })
})
