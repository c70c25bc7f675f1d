/**
 * A [COLOR] the author chose, made readable (WCAG AA, 4.5:1) wherever a message's text sits: the
 * same hue darkened for the light theme and lightened for the dark one, as far as needed and no
 * further. Against the darkest light background text can have (a message jumped to, #c2e0ff; the
 * bubbles are lighter) and the lightest dark one (a message jumped to, #133a66; bubbles darker).
 * The seed's orange (#ff6a00) is 2.6:1 on the light bubble as written.
 */
const LIGHT_BG = 0.72
const DARK_BG = 0.042

function channels(hex: string): [number, number, number] {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1)
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]
}

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const toHex = (rgb: readonly number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`

/** Mixes the colour towards `target` (0 black, 255 white) in steps until `ok`. */
function shift(rgb: [number, number, number], target: number, ok: (l: number) => boolean): string {
  for (let t = 0; t <= 1; t += 0.05) {
    const mixed = rgb.map((v) => v + (target - v) * t)
    if (ok(luminance(mixed))) return toHex(mixed)
  }
  return toHex([target, target, target])
}

/** `hex` is a safe colour (`#abc` or `#aabbcc`): the colours to show it in, in the light and the dark theme. */
export function readableColor(hex: string): { light: string; dark: string } {
  const rgb = channels(hex)
  return {
    light: shift(rgb, 0, (l) => (LIGHT_BG + 0.05) / (l + 0.05) >= 4.5),
    dark: shift(rgb, 255, (l) => (l + 0.05) / (DARK_BG + 0.05) >= 4.5),
  }
}
