import type { QueryClient } from '@tanstack/react-query'
import { createRequiredContext } from './required-context'

/**
 * The page's one query cache. TanStack Query comes with the task chat's screen, after the first
 * message (the first frame reads the opening batch without it), so the cache is made when the
 * screen loads and kept here for the page's life: a screen loaded again after Try again finds the
 * same one. A test may put its own in from the start.
 */
export interface QueryCacheHolder {
  client: QueryClient | undefined
}

export const QueryCacheHolderContext = createRequiredContext<QueryCacheHolder>('QueryCacheHolderContext')
