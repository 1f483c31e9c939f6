// At start, proves the master key opens what the database holds sealed (secrets of access keys, connector
// profiles): the first server to start seals a check value into the database, and a later one whose key
// cannot open it refuses to start. A database sealed before the check existed is held to one stored key.
import type { Store } from '../../storage/ports.js';
import { masterKeyMismatch } from '../errors.js';
import type { SecretBox } from './secret-box.js';

const CHECK_TEXT = 'openprofiles master key check';

function opens(secrets: SecretBox, sealed: string): string | undefined {
  try {
    return secrets.open(sealed);
  } catch {
    return undefined;
  }
}

/** Throws MasterKeyMismatchError when `secrets` is not the key of this database. */
export async function checkMasterKey(store: Store, secrets: SecretBox, now: Date): Promise<void> {
  let sealed = await store.masterKeyCheck.get();
  if (sealed === undefined) {
    const stored = await store.accessKeys.anySealedSecret();
    if (stored !== undefined && opens(secrets, stored) === undefined) throw masterKeyMismatch();
    await store.masterKeyCheck.putIfAbsent(secrets.seal(CHECK_TEXT), now);
    // Two servers starting at once: the value stored is the first one's, whichever that was.
    sealed = await store.masterKeyCheck.get();
  }
  if (sealed === undefined || opens(secrets, sealed) !== CHECK_TEXT) throw masterKeyMismatch();
}
