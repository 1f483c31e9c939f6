// Seals secrets at rest with AES-256-GCM under the operator's master key
// (OPENPROFILES_MASTER_KEY, else <data dir>/master.key created on first start).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../storage/private-files.js';

const VERSION = 'v1';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** A 64-hex-digit key is used as is; any other text is hashed to a key with SHA-256. */
  static fromText(text: string): SecretBox {
    const trimmed = text.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : createHash('sha256').update(trimmed).digest();
    return new SecretBox(key);
  }

  /** The key from `masterKey` when given, else from `<dataDir>/master.key`, created (0600) when missing. */
  static open(masterKey: string | undefined, dataDir: string): SecretBox {
    if (masterKey) return SecretBox.fromText(masterKey);
    const file = join(dataDir, 'master.key');
    if (!existsSync(file)) {
      ensurePrivateDir(dataDir);
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
    return SecretBox.fromText(readFileSync(file, 'utf8'));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  /** Throws when the text was not sealed with this key. */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
