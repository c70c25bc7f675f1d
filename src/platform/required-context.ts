import { createContext, useContext, type Context } from 'react'

const MISSING = Symbol('no provider')

/**
 * A context with no default value: read outside its provider it throws, naming the context. A
 * default that quietly does nothing would hide a screen that forgot to provide it (buttons that do
 * nothing, a viewer who is no one) until a user found it.
 */
export function createRequiredContext<T>(name: string): { Provider: Context<T>['Provider']; use: () => T } {
  const context = createContext<T | typeof MISSING>(MISSING)
  context.displayName = name
  function useRequired(): T {
    const value = useContext(context)
    if (value === MISSING) throw new Error(`${name} was read outside its provider: render this inside <${name}.Provider>.`)
    return value
  }
  return { Provider: (context as Context<T>).Provider, use: useRequired }
}
