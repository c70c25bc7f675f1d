import { describe, expect, it } from 'vitest'
import { formatBytes } from '../../../i18n/formatters'
import { MAX_FILE_BYTES, refusalOf } from './limits'

describe('the size check before an upload', () => {
  it('refuses past the documented 100 MB, read as 100,000,000 bytes, and an empty file; takes the rest', () => {
    expect(MAX_FILE_BYTES).toBe(100_000_000)
    expect(refusalOf(100_000_001)).toBe('too-large')
    expect(refusalOf(100_000_000)).toBeNull()
    expect(refusalOf(1)).toBeNull()
    expect(refusalOf(0)).toBe('empty')
    expect(refusalOf(11, 10)).toBe('too-large')
  })

  it('states sizes in the decimal units the limit is given in', () => {
    expect(formatBytes(MAX_FILE_BYTES, 'en')).toBe('100 MB')
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB')
    expect(formatBytes(12, 'en')).toBe('12 bytes')
  })
})
