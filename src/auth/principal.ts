// Who is calling: the identity behind a verified access key.
import type { PrincipalKind } from '../storage/ports.js';

export interface Principal {
  readonly accountId: string;
  readonly kind: PrincipalKind;
  /** User name, role-session name, or '' for the root. */
  readonly name: string;
  readonly arn: string;
  readonly accessKeyId: string;
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
