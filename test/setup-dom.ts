import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import './dom/layout-shim'

// Testing Library unmounts after each test by itself only when test globals are on; ours are off.
afterEach(cleanup)
