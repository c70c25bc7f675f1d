import type { Rule } from 'eslint'

declare const house: { rules: { 'feature-boundaries': Rule.RuleModule } }
export default house
