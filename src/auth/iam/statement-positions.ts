// Where each statement of a policy document sits in its text: the line and column (both from 1) of
// the `{` that opens it and of the `}` that closes it, as the policy simulator's MatchedStatements
// give StartPosition and EndPosition. Reads text that readPolicyShell has already accepted.

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface StatementSpan {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** The spans of the document's statements, in Statement order (one for a lone statement object). */
export function statementSpans(text: string): StatementSpan[] {
  const at = positionsOf(text);
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return [];
  i += 1;
  while (i < text.length) {
    i = skipSpace(text, i);
    if (text[i] !== '"') return [];
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd) + 1; // past ':'
    i = skipSpace(text, i);
    const valueEnd = endOfValue(text, i);
    if (key === 'Statement') return spansOf(text, i, at);
    i = skipSpace(text, valueEnd);
    if (text[i] !== ',') return [];
    i += 1;
  }
  return [];
}

function spansOf(text: string, start: number, at: (offset: number) => TextPosition): StatementSpan[] {
  const span = (from: number): StatementSpan => ({ start: at(from), end: at(endOfValue(text, from) - 1) });
  if (text[start] === '{') return [span(start)];
  const spans: StatementSpan[] = [];
  let i = skipSpace(text, start + 1);
  while (text[i] !== ']' && i < text.length) {
    spans.push(span(i));
    i = skipSpace(text, endOfValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return spans;
}

/** The offset just past the JSON value that starts at `i`. */
function endOfValue(text: string, i: number): number {
  const first = text[i];
  if (first === '"') return endOfString(text, i);
  if (first !== '{' && first !== '[') {
    while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i += 1;
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    if (c === '}' || c === ']') depth -= 1;
    i += 1;
    if (depth === 0) return i;
  }
  return i;
}

function endOfString(text: string, i: number): number {
  i += 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i += 1;
  return i;
}

/** Line and column of an offset, lines split at \n. */
function positionsOf(text: string): (offset: number) => TextPosition {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > offset) line -= 1;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
}
