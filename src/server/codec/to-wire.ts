// restJson1 output serialization: members to body, headers and status exactly as the model binds them.
import { shapeOf } from '../../shapes/json.js';
import type { MemberSchema } from '../../generated/schema.js';
import type { OperationDefinition } from '../../generated/operations.js';
import { jsonWriterFor } from './json-writer.js';

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Output members bound to the status code or a header, per output shape (most outputs have none). */
const boundMembers = new Map<string, ReadonlyArray<readonly [string, MemberSchema]>>();

function boundMembersOf(key: string): ReadonlyArray<readonly [string, MemberSchema]> {
  let bound = boundMembers.get(key);
  if (bound === undefined) {
    const shape = shapeOf(key);
    bound = shape.kind === 'structure' ? Object.entries(shape.members).filter(([, member]) => member.location === 'statusCode' || member.location === 'header') : [];
    boundMembers.set(key, bound);
  }
  return bound;
}

export function serializeOutput(operation: OperationDefinition, output: unknown): WireResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let statusCode = operation.successCode;
  if (output) {
    for (const [name, member] of boundMembersOf(operation.output)) {
      const value = (output as Record<string, unknown>)[name];
      if (value === undefined || value === null) continue;
      if (member.location === 'statusCode') statusCode = Number(value);
      else headers[member.locationName!.toLowerCase()] = String(value);
    }
  }
  return { statusCode, headers, body: jsonWriterFor(operation.output)(output ?? {}) ?? '{}' };
}
