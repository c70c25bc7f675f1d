import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRequiredContext } from './required-context'

const Greeting = createRequiredContext<string>('GreetingContext')

function Greet() {
  return <p>{Greeting.use()}</p>
}

afterEach(() => vi.restoreAllMocks())

describe('a context that must be provided', () => {
  it('gives what its provider holds', () => {
    render(
      <Greeting.Provider value="Hello">
        <Greet />
      </Greeting.Provider>,
    )
    expect(screen.getByText('Hello')).toBeInTheDocument()
  })

  it('gives a falsy value as provided (null, 0), not as missing', () => {
    const Count = createRequiredContext<number>('CountContext')
    function Show() {
      return <p>count {Count.use()}</p>
    }
    render(
      <Count.Provider value={0}>
        <Show />
      </Count.Provider>,
    )
    expect(screen.getByText('count 0')).toBeInTheDocument()
  })

  it('throws, naming the context, when read outside its provider', () => {
    // React reports the error it rethrows; the throw is what this test is about.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Greet />)).toThrow('GreetingContext was read outside its provider')
  })
})
