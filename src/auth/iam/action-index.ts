// Per-document memo of the statements whose Action/NotAction admits an action, split by effect.
import type { Effect } from './statement-elements.js';

export interface StatementsByEffect<S> {
  readonly Deny: readonly S[];
  readonly Allow: readonly S[];
}

interface IndexedStatement {
  readonly effect: Effect;
  readonly actions: { readonly negated: boolean; matches(action: string): boolean };
}

// The server asks only for the actions of its operation table (a few hundred); the cap keeps a
// caller that invents action names from growing the memo without bound.
const MEMO_LIMIT = 1024;

/**
 * Returns `statementsFor(action)` for a lower-cased action. Action matching depends on nothing but
 * the action (§4.1), so it is done once per action and document instead of once per request;
 * evaluation then only checks resources and conditions.
 */
export function indexByAction<S extends IndexedStatement>(statements: readonly S[]): (action: string) => StatementsByEffect<S> {
  const memo = new Map<string, StatementsByEffect<S>>();
  return (action) => {
    const known = memo.get(action);
    if (known) return known;
    const Deny: S[] = [];
    const Allow: S[] = [];
    for (const statement of statements) {
      if (statement.actions.matches(action) !== statement.actions.negated) (statement.effect === 'Deny' ? Deny : Allow).push(statement);
    }
    const entry = { Deny, Allow };
    if (memo.size < MEMO_LIMIT) memo.set(action, entry);
    return entry;
  };
}
