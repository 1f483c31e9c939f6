import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jaro, jaroWinkler, levenshtein, soundex } from './similarity.js';

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-3, `${actual} != ${expected}`);

test('Jaro and Jaro-Winkler match the published reference values', () => {
  close(jaro('martha', 'marhta'), 0.944);
  close(jaroWinkler('martha', 'marhta'), 0.961);
  close(jaroWinkler('dwayne', 'duane'), 0.84);
  close(jaroWinkler('dixon', 'dicksonx'), 0.813);
  assert.equal(jaroWinkler('same', 'same'), 1);
  assert.equal(jaroWinkler('abc', 'xyz'), 0);
  assert.equal(jaroWinkler('', 'abc'), 0);
});

test('Levenshtein counts insertions, deletions and substitutions', () => {
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  assert.equal(levenshtein('flaw', 'lawn'), 2);
  assert.equal(levenshtein('', 'abc'), 3);
  assert.equal(levenshtein('abc', 'abc'), 0);
  assert.equal(levenshtein('19560409', '19560490'), 2);
});

test('Soundex codes names that sound alike the same', () => {
  assert.equal(soundex('Robert'), 'R163');
  assert.equal(soundex('Rupert'), 'R163');
  assert.equal(soundex('Ashcraft'), 'A261');
  assert.equal(soundex('Tymczak'), 'T522');
  assert.equal(soundex('Lee'), 'L000');
  assert.equal(soundex('123'), '');
});
