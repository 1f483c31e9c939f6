// A deferred request logger writes exactly what the pino child would, and makes the child only when used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { deferredChild } from './deferred-logger.js';

function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

test('writes with its bindings and its children add theirs', () => {
  const { log, lines } = capture();
  const request = deferredChild(log, { reqId: 'r1' });
  request.child({ operation: 'SearchProfiles' }).error({ detail: 1 }, 'failed');
  request.info('hello');
  assert.deepEqual(lines.map(({ reqId, operation, detail, msg }) => ({ reqId, operation, detail, msg })), [
    { reqId: 'r1', operation: 'SearchProfiles', detail: 1, msg: 'failed' },
    { reqId: 'r1', operation: undefined, detail: undefined, msg: 'hello' },
  ]);
  assert.deepEqual(request.bindings(), { reqId: 'r1' });
});

test('makes no child while nothing is logged at an enabled level', () => {
  const { log, lines } = capture('warn');
  let children = 0;
  const counting = Object.create(log, { child: { value: (...args: Parameters<typeof log.child>) => (children++, log.child(...args)) } }) as typeof log;
  const request = deferredChild(counting, { reqId: 'r2' });
  request.info('not at this level');
  request.debug('nor this');
  assert.equal(request.isLevelEnabled('info'), false);
  assert.equal(request.level, 'warn');
  assert.equal(children, 0);
  request.warn('now');
  assert.equal(children, 1);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!['reqId'], 'r2');
});
