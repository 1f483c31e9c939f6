// Who is calling: the identity behind a verified access key.
import type { PrincipalKind, Tags } from '../storage/ports.js';

export interface Principal {
  readonly accountId: string;
  readonly kind: PrincipalKind;
  /** User name, `<role name>/<session name>` for a role session, or '' for the root. */
  readonly name: string;
  readonly arn: string;
  readonly accessKeyId: string;
  /** Temporary credentials: when they were issued (aws:TokenIssueTime). */
  readonly issuedAt?: Date;
  /** Role sessions: the session tags given to AssumeRole (they override the role's tags). */
  readonly sessionTags?: Tags;
  /** Role sessions: the session policy given to AssumeRole. */
  readonly sessionPolicy?: string;
}

export function principalArn(accountId: string, kind: PrincipalKind, name: string): string {
  switch (kind) {
    case 'root':
      return `arn:aws:iam::${accountId}:root`;
    case 'user':
      return `arn:aws:iam::${accountId}:user/${name}`;
    case 'role-session':
      return `arn:aws:sts::${accountId}:assumed-role/${name}`;
  }
}

/** The role and session names of a role session's principal name (`<role>/<session>`). */
export function splitSessionName(name: string): { roleName: string; sessionName: string } {
  const slash = name.indexOf('/');
  return { roleName: name.slice(0, slash), sessionName: name.slice(slash + 1) };
}
