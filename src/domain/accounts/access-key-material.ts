// Generates access key ids and secrets in AWS's shapes (AKIA…/ASIA… ids, 40-character secrets).
import { randomBytes, randomInt } from 'node:crypto';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newAccessKeyId(prefix: 'AKIA' | 'ASIA' = 'AKIA'): string {
  let id = prefix;
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function newAccountId(): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += String(randomInt(10));
  return id;
}
