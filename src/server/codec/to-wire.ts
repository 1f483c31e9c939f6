// restJson1 output serialization: members to body, headers and status exactly as the model binds them.
import { shapeOf, toJson } from '../../shapes/json.js';
import type { OperationDefinition } from '../../generated/operations.js';

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function serializeOutput(operation: OperationDefinition, output: unknown): WireResponse {
  const shape = shapeOf(operation.output);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let statusCode = operation.successCode;
  if (shape.kind === 'structure' && output) {
    for (const [name, member] of Object.entries(shape.members)) {
      const value = (output as Record<string, unknown>)[name];
      if (value === undefined || value === null) continue;
      if (member.location === 'statusCode') statusCode = Number(value);
      else if (member.location === 'header') headers[member.locationName!.toLowerCase()] = String(value);
    }
  }
  return { statusCode, headers, body: JSON.stringify(toJson(output ?? {}, operation.output) ?? {}) };
}
