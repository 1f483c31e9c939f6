// Profile ids: 32 lowercase hex digits (spec §3.2), in the layout of a version-7 UUID without its dashes —
// 48 bits of Unix milliseconds, then a per-process sequence, then random bits. Ids made later sort later,
// so each new profile lands at the right-hand end of every index keyed by profile id instead of at a
// random page: a bulk load rewrites a few pages per batch rather than one page per profile.
import { randomFillSync } from 'node:crypto';

const SEQUENCE_LIMIT = 0x1000; // 12 bits, as version 7's rand_a
const RANDOM_BYTES = 8;
/** Random bytes drawn a few kilobytes at a time: one system call per 512 ids instead of one per id. */
const pool = Buffer.alloc(RANDOM_BYTES * 512);
let poolOffset = pool.length;

function randomHex(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool[poolOffset] = ((pool[poolOffset] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant bits
  poolOffset += RANDOM_BYTES;
  return pool.toString('hex', poolOffset - RANDOM_BYTES, poolOffset);
}

let lastMillis = 0;
let sequence = 0;

/** The next id of this process: never smaller than the previous one, even when the clock steps back. */
export function newProfileId(now: number = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else if (++sequence === SEQUENCE_LIMIT) {
    lastMillis += 1; // more than 4,096 ids in one millisecond: borrow the next one
    sequence = 0;
  }
  return `${lastMillis.toString(16).padStart(12, '0')}7${sequence.toString(16).padStart(3, '0')}${randomHex()}`;
}
