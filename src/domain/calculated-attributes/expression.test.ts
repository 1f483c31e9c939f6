import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from './expression.js';

test('one term, or two terms of one object type joined by one operator, whitespace anywhere between tokens', () => {
  assert.deepEqual(parseExpression('{Purchase.amount}'), { ok: true, expression: { objectTypeName: 'Purchase', attributes: ['amount'] } });
  assert.deepEqual(parseExpression('  { Purchase.amount }/{Purchase.qty} '), { ok: true, expression: { objectTypeName: 'Purchase', attributes: ['amount', 'qty'], operator: '/' } });
  assert.deepEqual(parseExpression('{_order.TotalPrice}'), { ok: true, expression: { objectTypeName: '_order', attributes: ['TotalPrice'] } });
  assert.deepEqual(parseExpression('{CTR.agent.id}'), { ok: true, expression: { objectTypeName: 'CTR', attributes: ['agent.id'] } });
});

test('everything else is refused with the rule it breaks', () => {
  const rule = (text: string) => {
    const parsed = parseExpression(text);
    return parsed.ok ? 0 : parsed.rule;
  };
  for (const text of ['', ' ', 'amount', '{amount}', '{Purchase.amount} +', '({Purchase.amount})', '{Purchase.amount} * 2', '{A.a} + {A.b} + {A.c}', '{Purchase.amount}{Purchase.qty}', '{Purchase.amount} % {Purchase.qty}']) {
    assert.equal(rule(text), 1, text);
  }
  assert.equal(rule('{Purchase.amount} + {Order.total}'), 2);
});
