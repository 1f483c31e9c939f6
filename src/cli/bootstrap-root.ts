// At start: make sure the default account exists and has a root key, and tell the operator how to use it.
import type { Container } from '../container.js';
import { credentialFilePaths, writeCredentialFiles, PROFILE_NAME } from './credentials-file.js';

export async function bootstrapRootKey(container: Container, print: (line: string) => void): Promise<void> {
  const { config, accounts } = container;
  await accounts.ensureAccount(config.accountId);
  if (config.rootKey) {
    print(`Root credentials of account ${config.accountId}: access key ${config.rootKey.accessKeyId} from OPENPROFILES_ROOT_ACCESS_KEY_ID.`);
    return;
  }
  const files = credentialFilePaths(config.dataDir);
  if ((await accounts.rootKeys(config.accountId)).length === 0) {
    const key = await accounts.issueRootKey(config.accountId);
    writeCredentialFiles(config.dataDir, key.accessKeyId, key.secretAccessKey, config.region);
    print(`Created the root key of account ${config.accountId} (shown once):`);
    print(`  aws_access_key_id     = ${key.accessKeyId}`);
    print(`  aws_secret_access_key = ${key.secretAccessKey}`);
    print(`It is saved in ${files.credentials} (mode 0600).`);
  }
  print(`Use it with: AWS_SHARED_CREDENTIALS_FILE=${files.credentials} AWS_CONFIG_FILE=${files.config} aws --profile ${PROFILE_NAME} …`);
}
