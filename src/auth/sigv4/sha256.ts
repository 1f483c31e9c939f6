// SHA-256 over node:crypto: the hash/HMAC class @smithy/signature-v4 takes, hex digests, constant-time comparisons.
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';

/** What @smithy/signature-v4 may pass as an HMAC key (its `SourceData`). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * Structurally a smithy `ChecksumConstructor`: SHA-256 without a secret, HMAC-SHA256 with one.
 * Faster than @aws-crypto/sha256-js (spec: "Doing it with @smithy/signature-v4").
 */
export class NodeSha256 {
  readonly #secret: Uint8Array | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : toBytes(secret);
    this.#hash = this.#fresh();
  }

  update(chunk: Uint8Array): void {
    this.#hash.update(chunk);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#fresh();
  }

  #fresh(): Hash | Hmac {
    return this.#secret === undefined ? createHash('sha256') : createHmac('sha256', this.#secret);
  }
}

/** Lower-case hex SHA-256 of the given bytes. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/** Constant-time equality of two hex signatures; false unless both are 64 lower-case hex chars (spec step 8). */
export function signaturesEqual(expected: string, provided: string): boolean {
  if (!HEX_SIGNATURE.test(expected) || !HEX_SIGNATURE.test(provided)) return false;
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(provided, 'latin1'));
}

/** Lower-case hex SHA-256 of a session token: what is stored of it, and what a presented token is held to. */
export function sessionTokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality of two secrets of any length (compares their digests). */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
