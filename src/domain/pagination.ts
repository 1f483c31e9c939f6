// Opaque NextTokens: they name the list they belong to and its scope, so a foreign or corrupt token is a 400.
import type { Scope } from '../storage/ports.js';
import { invalidNextToken } from './errors.js';

interface TokenBody {
  v: 1;
  /** Which list (e.g. 'domains' or 'profiles:<domain>'). */
  l: string;
  a: string;
  r: string;
  /** Exclusive lower bound of the next page's sort key. */
  p: string;
}

export const DEFAULT_PAGE_SIZE = 100;

export function encodeNextToken(list: string, scope: Scope, after: string | undefined): string | undefined {
  if (after === undefined) return undefined;
  const body: TokenBody = { v: 1, l: list, a: scope.accountId, r: scope.region, p: after };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The sort key a token resumes after; undefined for no token. Throws BadRequest for anything not ours. */
export function decodeNextToken(list: string, scope: Scope, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  let body: Partial<TokenBody>;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    throw invalidNextToken();
  }
  const valid = body?.v === 1 && body.l === list && body.a === scope.accountId && body.r === scope.region && typeof body.p === 'string';
  if (!valid) throw invalidNextToken();
  return body.p;
}
