import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMatches } from './engine.js';
import { LEVEL } from './levels.js';
import type { MatchRecord } from './record.js';
import { seededRandom } from './random.js';

const FIRST = ['anna', 'ben', 'carla', 'dmitri', 'elena', 'farid', 'grace', 'hiro', 'ines', 'jonas', 'kofi', 'lena'];
const LAST = ['almeida', 'brandt', 'castillo', 'dubois', 'eriksen', 'fischer', 'garcia', 'haddad', 'ivanova', 'jensen', 'kowalski', 'lindqvist', 'moreau', 'novak'];

/** Few names, many namesakes: most candidate pairs share both names yet are different people. */
function namesakes(seed: number): { records: MatchRecord[]; entity: string[] } {
  const random = seededRandom(seed);
  const at = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const records: MatchRecord[] = [];
  const entity: string[] = [];
  for (let person = 0; person < 300; person++) {
    const base = {
      firstName: at(FIRST),
      lastName: at(LAST),
      birthDate: `${1940 + Math.floor(random() * 60)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      postalCode: String(10_000 + Math.floor(random() * 200)),
    };
    records.push({ id: `p${person}`, ...base });
    entity.push(String(person));
    if (person % 3 === 0) {
      records.push({ id: `p${person}d`, ...base });
      entity.push(String(person));
    }
  }
  return { records, entity };
}

test('namesakes do not pass for matches: birth date and postcode m are learned on name blocks without the names', () => {
  const { records, entity } = namesakes(7);
  const result = findMatches(records, { uSamples: 20_000 });
  const birthDate = result.model.attributes.find((a) => a.name === 'birthDate');
  assert.ok((birthDate?.m[LEVEL.exact] ?? 0) > 0.9, `m(birthDate exact) = ${birthDate?.m[LEVEL.exact]}`);
  const wrong = result.matches.filter((pair) => entity[pair.left] !== entity[pair.right]).length;
  const right = result.matches.length - wrong;
  assert.ok(right >= 95 && wrong <= 2, `${right} right, ${wrong} wrong`);
});
