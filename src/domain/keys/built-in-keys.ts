// The search keys every profile is indexed under (spec §3.2) and the content type each key name
// is matched by; keys not listed here match exactly until object types give them a content type.
import { normalizeValue, type ContentType, type NormalizeOptions } from './normalize.js';

export const PROFILE_ID_KEY = '_profileId';
export const PHONE_KEY = '_phone';
export const EMAIL_KEY = '_email';
export const ACCOUNT_KEY = '_account';
export const FULL_NAME_KEY = '_fullName';

const BUILT_IN_CONTENT_TYPES: Readonly<Record<string, ContentType>> = {
  [PROFILE_ID_KEY]: 'STRING',
  [PHONE_KEY]: 'PHONE_NUMBER',
  [EMAIL_KEY]: 'EMAIL_ADDRESS',
  [ACCOUNT_KEY]: 'STRING',
  [FULL_NAME_KEY]: 'NAME',
};

export function isBuiltInKey(keyName: string): boolean {
  return Object.hasOwn(BUILT_IN_CONTENT_TYPES, keyName);
}

export function contentTypeOfKey(keyName: string): ContentType {
  return Object.hasOwn(BUILT_IN_CONTENT_TYPES, keyName) ? BUILT_IN_CONTENT_TYPES[keyName]! : 'STRING';
}

/** The value as it is stored and looked up under `keyName`. */
export function normalizeKeyValue(keyName: string, value: string, options: NormalizeOptions = {}): string {
  return normalizeValue(contentTypeOfKey(keyName), value, options);
}
