// Builds and parses the service's resource ARNs (spec §3.14).
import type { Scope } from '../storage/ports.js';

export const PARTITION = 'aws';
export const SERVICE = 'profile';

export type ResourceArn =
  | { kind: 'domain'; region: string; accountId: string; domainName: string }
  | { kind: 'object-type'; region: string; accountId: string; domainName: string; objectTypeName: string }
  | { kind: 'integration'; region: string; accountId: string; domainName: string; uri: string }
  | { kind: 'calculated-attribute'; region: string; accountId: string; domainName: string; name: string };

export function domainArn(scope: Scope, domainName: string): string {
  return `arn:${PARTITION}:${SERVICE}:${scope.region}:${scope.accountId}:domains/${domainName}`;
}

export function objectTypeArn(scope: Scope, domainName: string, objectTypeName: string): string {
  return `${domainArn(scope, domainName)}/object-types/${objectTypeName}`;
}

export function integrationArn(scope: Scope, domainName: string, uri: string): string {
  return `${domainArn(scope, domainName)}/integrations/${uri}`;
}

export function calculatedAttributeArn(scope: Scope, domainName: string, name: string): string {
  return `${domainArn(scope, domainName)}/calculated-attributes/${name}`;
}

const ARN = /^arn:([a-z0-9-]{1,10}):profile:([a-z0-9-]+):(\d{12}):domains\/([a-zA-Z0-9_-]{1,64})(?:\/(.*))?$/;

/** Parses a taggable resource ARN; undefined when it is not one. An integration URI may itself contain '/'. */
export function parseResourceArn(arn: string): ResourceArn | undefined {
  const match = ARN.exec(arn);
  if (!match) return undefined;
  const [, , region, accountId, domainName, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  if (rest === undefined) return { kind: 'domain', region, accountId, domainName };
  const objectType = /^object-types\/([a-zA-Z_][a-zA-Z_0-9-]{0,254})$/.exec(rest);
  if (objectType) return { kind: 'object-type', region, accountId, domainName, objectTypeName: objectType[1]! };
  const calculated = /^calculated-attributes\/([a-zA-Z_][a-zA-Z_0-9-]{0,254})$/.exec(rest);
  if (calculated) return { kind: 'calculated-attribute', region, accountId, domainName, name: calculated[1]! };
  const integration = /^integrations\/(.{1,255})$/.exec(rest);
  if (integration) return { kind: 'integration', region, accountId, domainName, uri: integration[1]! };
  return undefined;
}
