// STS: who am I (GetCallerIdentity), temporary credentials for a role (AssumeRole) after its
// trust policy, and where the trust names only the account, the caller's own policies allow it;
// and temporary credentials of the calling user or root itself (GetSessionToken).
import { randomBytes } from 'node:crypto';
import { sessionTokenSha256 } from '../../auth/sigv4/sha256.js';
import type { AccessKeyRecord, Store, Tags } from '../../storage/ports.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { newAccessKeyId, newSecretAccessKey } from '../accounts/access-key-material.js';
import type { PolicyAuthorizer } from '../../auth/authorizer.js';
import type { PrincipalDirectory } from '../../auth/principal-facts.js';
import type { RequestOrigin } from '../../auth/request-origin.js';
import { requestContext } from '../../auth/context-keys.js';
import { evaluateTrustPolicy, parseTrustPolicy } from '../../auth/iam/trust-policy.js';
import { noPolicyAllowsMessage } from '../../auth/iam/messages.js';
import { parsePolicyDocument, MalformedPolicyDocumentError } from '../../auth/iam/policy-document.js';
import { accessDenied, durationExceedsRole, sessionPolicyMalformed, sessionTokenNotForSessions } from './errors.js';
import type { IamContext } from './iam-context.js';
import { parseIamArn } from './names.js';

/** Role chaining (a role session assuming a role) is capped at one hour, as in AWS. */
const CHAINED_MAX_SECONDS = 3600;
const DEFAULT_SECONDS = 3600;
/** GetSessionToken: twelve hours by default; the root's sessions last at most one hour (IAM). */
const SESSION_TOKEN_DEFAULT_SECONDS = 43_200;
const ROOT_SESSION_MAX_SECONDS = 3600;

export interface AssumeRoleInput {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly tags: Tags;
  readonly policy?: string;
}

export interface IssuedCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

export interface IssuedSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly assumedRoleId: string;
  readonly arn: string;
}

export class StsService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly directory: PrincipalDirectory,
    private readonly policies: PolicyAuthorizer,
  ) {}

  async callerIdentity(ctx: IamContext): Promise<{ userId: string; account: string; arn: string }> {
    const facts = await this.directory.load(ctx.principal);
    return { userId: facts.userId, account: ctx.accountId, arn: facts.arn };
  }

  async assumeRole(ctx: IamContext, origin: RequestOrigin, input: AssumeRoleInput): Promise<IssuedSession> {
    const { principal } = ctx;
    const denied = () => accessDenied(noPolicyAllowsMessage(principal.arn, 'sts:AssumeRole', input.roleArn));
    if (principal.kind === 'root') throw accessDenied('Roles may not be assumed by root accounts.');
    const parsed = parseIamArn(input.roleArn, 'role');
    const role = parsed && parsed.accountId === ctx.accountId ? await this.store.iam.roles.get(ctx.accountId, parsed.name) : undefined;
    if (!role || role.path !== parsed?.path) throw denied();

    const facts = await this.directory.load(principal);
    const hasTags = Object.keys(input.tags).length > 0;
    const context = requestContext(principal, facts, origin, hasTags ? input.tags : undefined, undefined);
    const trust = parseTrustPolicy(role.trustPolicy);
    const sessionArn = principal.kind === 'role-session' ? facts.arn : undefined;
    const trusted = (action: string) =>
      evaluateTrustPolicy(trust, { principalArn: facts.principalArn, sessionArn, accountId: ctx.accountId, action, context });
    const verdict = trusted('sts:AssumeRole');
    // Passing session tags also needs sts:TagSession in the trust policy (IAM: "Passing session tags in STS").
    if (verdict.decision !== 'Allow' || (hasTags && trusted('sts:TagSession').decision !== 'Allow')) throw denied();
    if (verdict.grant === 'account') {
      const denial = await this.policies.check({ principal, action: 'sts:AssumeRole', resources: [{ arn: input.roleArn }], origin });
      if (denial) throw accessDenied(denial.message);
    }

    const max = principal.kind === 'role-session' ? Math.min(CHAINED_MAX_SECONDS, role.maxSessionDuration) : role.maxSessionDuration;
    const seconds = input.durationSeconds ?? Math.min(DEFAULT_SECONDS, max);
    if (seconds > max) throw durationExceedsRole(seconds, max);
    if (input.policy !== undefined) {
      try {
        parsePolicyDocument(input.policy);
      } catch (error) {
        if (error instanceof MalformedPolicyDocumentError) throw sessionPolicyMalformed(error.message);
        throw error;
      }
    }

    const issued = await this.#issue(ctx, 'role-session', `${role.name}/${input.sessionName}`, seconds, {
      ...(hasTags ? { sessionTags: input.tags } : {}),
      ...(input.policy === undefined ? {} : { sessionPolicy: input.policy }),
    });
    return {
      ...issued,
      assumedRoleId: `${role.roleId}:${input.sessionName}`,
      arn: `arn:aws:sts::${ctx.accountId}:assumed-role/${role.name}/${input.sessionName}`,
    };
  }

  /** Temporary credentials acting as the caller itself (an IAM user or the root), with its permissions. */
  async sessionToken(ctx: IamContext, durationSeconds: number | undefined): Promise<IssuedCredentials> {
    const { principal } = ctx;
    if (principal.kind === 'role-session' || principal.issuedAt !== undefined) throw sessionTokenNotForSessions();
    const requested = durationSeconds ?? SESSION_TOKEN_DEFAULT_SECONDS;
    const seconds = principal.kind === 'root' ? Math.min(requested, ROOT_SESSION_MAX_SECONDS) : requested;
    return this.#issue(ctx, principal.kind, principal.name, seconds, {});
  }

  /** A temporary key for `principalKind`/`principalName`, valid for `seconds`. */
  async #issue(
    ctx: IamContext,
    principalKind: AccessKeyRecord['principalKind'],
    principalName: string,
    seconds: number,
    session: Pick<AccessKeyRecord, 'sessionTags' | 'sessionPolicy'>,
  ): Promise<IssuedCredentials> {
    // Expired sessions of the account go as new ones come, so they cannot pile up.
    await this.store.accessKeys.deleteExpired(ctx.accountId, ctx.now);
    const secretAccessKey = newSecretAccessKey();
    const sessionToken = randomBytes(96).toString('base64');
    const expiration = new Date(ctx.now.getTime() + seconds * 1000);
    const accessKeyId = newAccessKeyId('ASIA');
    await this.store.accessKeys.create({
      accessKeyId,
      accountId: ctx.accountId,
      principalKind,
      principalName,
      sealedSecret: this.secrets.seal(secretAccessKey),
      status: 'Active',
      // Only its digest is kept: a copy of the database does not give anyone a working session.
      sessionTokenSha256: sessionTokenSha256(sessionToken),
      expiresAt: expiration,
      createdAt: ctx.now,
      ...session,
    });
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  }
}
