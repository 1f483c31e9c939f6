// Writes an output value as JSON text in one pass, driven by the model's shapes: the same text as
// JSON.stringify(toJson(value, shape)) (wire member names, epoch-second timestamps, absent members
// omitted), without building the intermediate wire object or looking shapes up on every call.
import { shapeOf } from '../../shapes/json.js';

/** The JSON text of a value, or undefined when the value is absent (the member is then omitted). */
type Writer = (value: unknown) => string | undefined;

const writers = new Map<string, Writer>();

/** The writer for shape `key`, built once (recursive shapes refer to themselves through the map). */
export function jsonWriterFor(key: string): Writer {
  const known = writers.get(key);
  if (known) return known;
  let built: Writer | undefined;
  writers.set(key, (value) => built!(value));
  built = build(key);
  writers.set(key, built);
  return built;
}

const leaf: Writer = (value) => (value === null || value === undefined ? undefined : JSON.stringify(value));

function build(key: string): Writer {
  const shape = shapeOf(key);
  switch (shape.kind) {
    case 'structure':
    case 'union': {
      const fields = Object.entries(shape.members)
        .filter(([, member]) => !member.location)
        .map(([name, member]) => ({ name, prefix: `${JSON.stringify(member.jsonName)}:`, write: jsonWriterFor(member.target) }));
      return (value) => {
        if (value === null || value === undefined) return undefined;
        const source = value as Record<string, unknown>;
        let text = '';
        for (const field of fields) {
          const written = field.write(source[field.name]);
          if (written !== undefined) text += (text === '' ? '{' : ',') + field.prefix + written;
        }
        return text === '' ? '{}' : `${text}}`;
      };
    }
    case 'list': {
      const item = jsonWriterFor(shape.member);
      return (value) => {
        if (value === null || value === undefined) return undefined;
        let text = '';
        for (const entry of value as unknown[]) text += (text === '' ? '[' : ',') + (item(entry) ?? 'null');
        return text === '' ? '[]' : `${text}]`;
      };
    }
    case 'map': {
      const entryValue = jsonWriterFor(shape.value);
      return (value) => {
        if (value === null || value === undefined) return undefined;
        let text = '';
        for (const name in value as Record<string, unknown>) {
          if (!Object.hasOwn(value as object, name)) continue;
          const written = entryValue((value as Record<string, unknown>)[name]);
          if (written !== undefined) text += `${text === '' ? '{' : ','}${JSON.stringify(name)}:${written}`;
        }
        return text === '' ? '{}' : `${text}}`;
      };
    }
    case 'timestamp':
      return (value) => (value === null || value === undefined ? undefined : JSON.stringify((value as Date).getTime() / 1000));
    default:
      return leaf;
  }
}
