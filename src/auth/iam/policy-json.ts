// The JSON shell shared by identity and trust policies: syntax, duplicates, Version, Id, Statement, Sid.
import { findDuplicateKey } from './json-duplicate-keys.js';
import { malformed } from './malformed-policy-error.js';

export type PolicyVersion = '2012-10-17' | '2008-10-17';

export interface RawStatement {
  /** `Statement[i]`, for error messages. */
  readonly where: string;
  readonly index: number;
  readonly sid: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface PolicyShell {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  /** §6: policy variables are variables only under `"Version": "2012-10-17"`. */
  readonly variables: boolean;
  readonly statements: readonly RawStatement[];
}

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
// IAM limits Sid to ASCII letters and digits.
const SID = /^[A-Za-z0-9]*$/;

export function readPolicyShell(text: string): PolicyShell {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw malformed(`Syntax errors in policy: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformed('Syntax errors in policy: the document must be a JSON object');
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) throw malformed(`Syntax errors in policy: key "${duplicate}" appears twice in one object`);
  const document = parsed as Record<string, unknown>;
  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL.has(key)) throw malformed(`Syntax errors in policy: unknown element ${key}`);
  }
  const version = document.Version;
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw malformed(`Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(version)}`);
  }
  const id = document.Id;
  if (id !== undefined && typeof id !== 'string') throw malformed('Id must be a string');
  return { version, id, variables: version === '2012-10-17', statements: readStatements(document.Statement) };
}

function readStatements(raw: unknown): RawStatement[] {
  if (raw === undefined) throw malformed('Missing required field Statement');
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.length === 0) throw malformed('Statement must hold at least one statement');
  const sids = new Set<string>();
  return list.map((item, index) => {
    const where = `Statement[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw malformed(`${where} must be an object`);
    const body = item as Record<string, unknown>;
    const sid = body.Sid;
    if (sid !== undefined) {
      if (typeof sid !== 'string' || !SID.test(sid)) throw malformed(`${where}: Sid must contain only letters and digits`);
      if (sid !== '' && sids.has(sid)) throw malformed(`Statement IDs (Sid) must be unique: ${sid}`);
      sids.add(sid);
    }
    return { where, index, sid: typeof sid === 'string' ? sid : undefined, body };
  });
}

/** Refuses elements other than `allowed`; `forbidden` maps an element to its own message. */
export function checkElements(statement: RawStatement, allowed: ReadonlySet<string>, forbidden: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(statement.body)) {
    const message = forbidden[key];
    if (message !== undefined) throw malformed(`${message} (${statement.where})`);
    if (!allowed.has(key)) throw malformed(`${statement.where} has unknown element ${key}`);
  }
}
