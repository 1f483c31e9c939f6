// Emits src/generated/<iam|sts>/operations.ts: the awsQuery operation table (Action name, input and
// output shapes, result wrapper, modelled errors, IAM action) and the service's wire constants.
import type { QueryService } from './botocore.js';
import { generatedHeader } from './model.js';

const TYPES = `export interface QueryOperationDefinition {
  readonly name: OperationName;
  /** Key of the input and output structures in \`schema\`. */
  readonly input: string;
  readonly output: string | undefined;
  /** The element the output members are wrapped in: \`<XResult>\`. */
  readonly resultWrapper: string | undefined;
  /** Codes of the modelled errors (\`NoSuchEntity\`…). */
  readonly errors: readonly string[];
  /** The IAM action that authorizes the operation, e.g. \`iam:CreateUser\`. */
  readonly iamAction: string;
}
`;

export function emitQueryOperations(service: QueryService): string {
  const { botocore, operations } = service;
  const names = [...operations].sort();
  const prefix = botocore.metadata.endpointPrefix;
  const rows = names.map((name) => {
    const operation = botocore.operations[name]!;
    const codes = (operation.errors ?? []).map((ref) => botocore.shapes[ref.shape]?.error?.code ?? ref.shape).sort();
    const fields = [
      `name: '${name}'`,
      `input: ${JSON.stringify(operation.input?.shape ?? 'smithy.api#Unit')}`,
      `output: ${JSON.stringify(operation.output?.shape)}`,
      `resultWrapper: ${JSON.stringify(operation.output?.resultWrapper)}`,
      `errors: ${JSON.stringify(codes)}`,
      `iamAction: '${prefix}:${name}'`,
    ];
    return `  ${name}: { ${fields.join(', ')} },`;
  });
  const io = names.map((name) => {
    const operation = botocore.operations[name]!;
    const input = operation.input ? `shapes.${operation.input.shape}` : 'Record<string, never>';
    const output = operation.output ? `shapes.${operation.output.shape}` : 'Record<string, never>';
    return `  ${name}: { input: ${input}; output: ${output} };`;
  });
  const wire = {
    signingName: prefix,
    apiVersion: botocore.metadata.apiVersion,
    xmlNamespace: botocore.metadata.xmlNamespace,
  };
  return [
    generatedHeader(service.source),
    "import type * as shapes from './shapes.js';",
    '',
    `export type OperationName =\n  | ${names.map((n) => `'${n}'`).join('\n  | ')};`,
    '',
    TYPES,
    '/** SigV4 signing name, the `Version` every request carries, and the response XML namespace. */',
    `export const service = ${JSON.stringify(wire, null, 2).replace(/"([a-zA-Z]+)":/g, '$1:')} as const;`,
    '',
    '/** Input and output types of each operation. */',
    'export interface OperationTypes {',
    ...io,
    '}',
    '',
    'export const operations: Readonly<Record<OperationName, QueryOperationDefinition>> = {',
    ...rows,
    '};',
    '',
  ].join('\n');
}
