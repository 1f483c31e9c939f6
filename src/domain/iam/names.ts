// IAM identifiers and ARNs: unique ids in AWS's shapes (AIDA…, AGPA…, AROA…, ANPA…) and entity ARNs.
import { randomInt } from 'node:crypto';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type UniqueIdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA';

export function newUniqueId(prefix: UniqueIdPrefix): string {
  let id = prefix;
  for (let i = 0; i < 17; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

export function userArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:user${path}${name}`;
}

export function groupArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:group${path}${name}`;
}

export function roleArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

export function policyArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${name}`;
}

export interface ParsedIamArn {
  readonly accountId: string;
  readonly path: string;
  readonly name: string;
}

type IamArnType = 'user' | 'group' | 'role' | 'policy';

const IAM_ARN: Readonly<Record<IamArnType, RegExp>> = {
  user: /^arn:aws:iam::(\d{12}):user(\/(?:[^/]+\/)*)([^/]+)$/,
  group: /^arn:aws:iam::(\d{12}):group(\/(?:[^/]+\/)*)([^/]+)$/,
  role: /^arn:aws:iam::(\d{12}):role(\/(?:[^/]+\/)*)([^/]+)$/,
  policy: /^arn:aws:iam::(\d{12}):policy(\/(?:[^/]+\/)*)([^/]+)$/,
};

/** Parses `arn:aws:iam::<acct>:<type><path><name>`; undefined when it is not one of that type. */
export function parseIamArn(arn: string, type: IamArnType): ParsedIamArn | undefined {
  const match = IAM_ARN[type].exec(arn);
  return match ? { accountId: match[1]!, path: match[2]!, name: match[3]! } : undefined;
}
