// The results views that load after the first paint (see task-chat-screen.tsx).
export { ResultsList } from './results-list'
export { ResultUndo } from './result-undo'
