// Emits src/generated/<iam|sts>/errors.ts: every modelled error of the served operations, with the
// code that goes in <Error><Code> and its HTTP status.
import type { QueryService } from './botocore.js';
import { generatedHeader } from './model.js';

export function emitQueryErrors(service: QueryService): string {
  const { botocore, operations } = service;
  const shapes = new Set(operations.flatMap((name) => (botocore.operations[name]?.errors ?? []).map((ref) => ref.shape)));
  const rows = [...shapes].sort().map((shape) => {
    const error = botocore.shapes[shape]?.error;
    if (!error) throw new Error(`${shape} is listed as an error but has no error trait`);
    const fault = error.senderFault ? 'client' : 'server';
    return `  ${shape}: { code: '${error.code}', statusCode: ${error.httpStatusCode}, fault: '${fault}' },`;
  });
  return [
    generatedHeader(service.source),
    '',
    'export interface QueryErrorDefinition {',
    "  readonly code: string;",
    '  readonly statusCode: number;',
    "  readonly fault: 'client' | 'server';",
    '}',
    '',
    'export const modeledErrors = {',
    ...rows,
    '} as const satisfies Readonly<Record<string, QueryErrorDefinition>>;',
    '',
    'export type ModeledErrorName = keyof typeof modeledErrors;',
    '',
  ].join('\n');
}
