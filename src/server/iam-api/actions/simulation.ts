// IAM policy simulation: SimulatePrincipalPolicy on the user or role it names, SimulateCustomPolicy on `*`.
import type { OperationTypes } from '../../../generated/iam/operations.js';
import type { ContextEntry, EvaluationResult, Statement } from '../../../generated/iam/shapes.js';
import type { ContextEntries } from '../../../auth/iam/request-context.js';
import type { MatchedStatement, SimulatedDecision, SimulationInput } from '../../../domain/iam/simulator.js';
import type { ActionHandler } from './types.js';
import { roleTarget, userTarget } from './targets.js';
import { parseIamArn } from '../../../domain/iam/names.js';
import { pageOfList } from './paging.js';

type Handler<N extends keyof OperationTypes> = ActionHandler<OperationTypes[N]['input'], OperationTypes[N]['output']>;

const DECISIONS = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;

interface SimulationRequest {
  ActionNames: string[];
  ResourceArns?: string[];
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ContextEntries?: ContextEntry[];
}

function simulationInput(input: SimulationRequest): SimulationInput {
  const context: Record<string, string | string[]> = {};
  for (const entry of input.ContextEntries ?? []) {
    if (entry.ContextKeyName === undefined) continue;
    const values = entry.ContextKeyValues ?? [];
    context[entry.ContextKeyName] = entry.ContextKeyType?.endsWith('List') || values.length !== 1 ? values : values[0]!;
  }
  return {
    actions: input.ActionNames,
    resources: input.ResourceArns ?? [],
    policies: input.PolicyInputList ?? [],
    boundaries: input.PermissionsBoundaryPolicyInputList ?? [],
    context: context as ContextEntries,
  };
}

function statementOutput({ source, span }: MatchedStatement): Statement {
  return {
    SourcePolicyId: source.id,
    SourcePolicyType: source.type,
    ...(span ? { StartPosition: { Line: span.start.line, Column: span.start.column }, EndPosition: { Line: span.end.line, Column: span.end.column } } : {}),
  };
}

/** One result per action × resource, paged by Marker/MaxItems in that order. */
function output(paging: { Marker?: string; MaxItems?: number }, decisions: readonly SimulatedDecision[]): { EvaluationResults: EvaluationResult[]; IsTruncated: boolean; Marker?: string } {
  const numbered = decisions.map((decision, index) => ({ decision, key: String(index).padStart(10, '0') }));
  const page = pageOfList(paging, numbered, (item) => item.key);
  return {
    EvaluationResults: page.items.map(({ decision: { action, resource, result, matched, missingContextKeys } }) => ({
      EvalActionName: action,
      EvalResourceName: resource,
      EvalDecision: DECISIONS[result.decision],
      MatchedStatements: matched.map(statementOutput),
      MissingContextValues: [...missingContextKeys],
      // Which kind of policy failed to allow, for an implicit deny by the boundary.
      ...(result.notAllowedBy === 'permissionsBoundary' ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } } : {}),
    })),
    IsTruncated: page.isTruncated,
    ...page.marker,
  };
}

export const simulatePrincipalPolicy: Handler<'SimulatePrincipalPolicy'> = {
  target: async (ctx, input) => {
    const role = parseIamArn(input.PolicySourceArn, 'role');
    if (role) return roleTarget(ctx, role.name);
    const user = parseIamArn(input.PolicySourceArn, 'user');
    return user ? userTarget(ctx, user.name) : { arn: input.PolicySourceArn };
  },
  run: async (ctx, input) => output(input, await ctx.services.simulator.principal(ctx, ctx.origin, input.PolicySourceArn, simulationInput(input))),
};

export const simulateCustomPolicy: Handler<'SimulateCustomPolicy'> = {
  target: async () => ({ arn: '*' }),
  run: async (ctx, input) => output(input, await ctx.services.simulator.custom(ctx, input.CallerArn, simulationInput(input))),
};
