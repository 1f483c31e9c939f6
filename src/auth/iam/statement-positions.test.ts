import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementSpans } from './statement-positions.js';

test('each statement of a Statement list: where its braces open and close, lines and columns from 1', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "a:b", "Resource": "*"},\n    {\n      "Effect": "Deny", "Action": "a:{c}\\"", "Resource": ["x", "y"]\n    }\n  ]\n}';
  assert.deepEqual(statementSpans(text), [
    { start: { line: 4, column: 5 }, end: { line: 4, column: 57 } },
    { start: { line: 5, column: 5 }, end: { line: 7, column: 5 } },
  ]);
});

test('a lone statement object, and Statement before Version on one line', () => {
  const text = '{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}, "Version": "2012-10-17"}';
  assert.deepEqual(statementSpans(text), [{ start: { line: 1, column: 15 }, end: { line: 1, column: 65 } }]);
});
