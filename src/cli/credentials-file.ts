// Writes <data dir>/credentials (AWS shared-credentials format, mode 0600) and <data dir>/config, so that
// `AWS_SHARED_CREDENTIALS_FILE=… AWS_CONFIG_FILE=… aws --profile openprofiles …` works.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../storage/private-files.js';

export const PROFILE_NAME = 'openprofiles';

export interface CredentialFiles {
  readonly credentials: string;
  readonly config: string;
}

export function credentialFilePaths(dataDir: string): CredentialFiles {
  return { credentials: join(dataDir, 'credentials'), config: join(dataDir, 'config') };
}

export function writeCredentialFiles(dataDir: string, accessKeyId: string, secretAccessKey: string, region: string): CredentialFiles {
  const paths = credentialFilePaths(dataDir);
  ensurePrivateDir(dataDir);
  const credentials = `[${PROFILE_NAME}]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`;
  writeFileSync(paths.credentials, credentials, { mode: 0o600 });
  writeFileSync(paths.config, `[profile ${PROFILE_NAME}]\nregion = ${region}\n`, { mode: 0o600 });
  return paths;
}
