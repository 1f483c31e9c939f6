// awsQuery response serialization, driven by the generated schema: members as elements in model
// order, lists as <member>, maps as <entry><key/><value/></entry>, ISO-8601 timestamps, escaped text.
import type { QuerySchema } from './query-input.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (ch) => ESCAPES[ch] ?? ch);
}

function writeValue(schema: QuerySchema, key: string, value: unknown, out: string[]): void {
  const shape = schema[key];
  if (!shape) throw new Error(`no schema for shape ${key}`);
  switch (shape.kind) {
    case 'structure':
    case 'union':
      writeMembers(schema, key, value as Record<string, unknown>, out);
      return;
    case 'list':
      for (const item of value as unknown[]) {
        out.push('<member>');
        writeValue(schema, shape.member, item, out);
        out.push('</member>');
      }
      return;
    case 'map':
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out.push('<entry><key>', escapeXml(k), '</key><value>');
        writeValue(schema, shape.value, v, out);
        out.push('</value></entry>');
      }
      return;
    case 'timestamp':
      // Whole seconds, as AWS writes them (2024-01-02T03:04:05Z).
      out.push((value as Date).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      return;
    default:
      out.push(escapeXml(String(value)));
  }
}

/** The members of a structure value, each as `<Name>…</Name>`; absent members are left out. */
export function writeMembers(schema: QuerySchema, key: string, value: Record<string, unknown>, out: string[]): void {
  const shape = schema[key];
  if (!shape || (shape.kind !== 'structure' && shape.kind !== 'union')) throw new Error(`${key} is not a structure`);
  for (const [name, member] of Object.entries(shape.members)) {
    const memberValue = value[name];
    if (memberValue === undefined || memberValue === null) continue;
    out.push(`<${member.jsonName}>`);
    writeValue(schema, member.target, memberValue, out);
    out.push(`</${member.jsonName}>`);
  }
}

export interface QueryResponseParts {
  readonly action: string;
  readonly xmlNamespace: string;
  readonly requestId: string;
  /** The output shape and its wrapper; absent for operations without output. */
  readonly output?: { readonly shape: string; readonly wrapper: string; readonly value: Record<string, unknown> };
}

/** `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></XResponse>` */
export function writeQueryResponse(schema: QuerySchema, parts: QueryResponseParts): string {
  const out = [`<?xml version="1.0" encoding="UTF-8"?>\n<${parts.action}Response xmlns="${escapeXml(parts.xmlNamespace)}">`];
  if (parts.output) {
    out.push(`<${parts.output.wrapper}>`);
    writeMembers(schema, parts.output.shape, parts.output.value, out);
    out.push(`</${parts.output.wrapper}>`);
  }
  out.push(`<ResponseMetadata><RequestId>${escapeXml(parts.requestId)}</RequestId></ResponseMetadata></${parts.action}Response>`);
  return out.join('');
}

/** AWS's query error document. */
export function writeQueryError(error: { code: string; fault: 'client' | 'server'; message: string }, requestId: string, xmlNamespace?: string): string {
  const ns = xmlNamespace ? ` xmlns="${escapeXml(xmlNamespace)}"` : '';
  const type = error.fault === 'client' ? 'Sender' : 'Receiver';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
