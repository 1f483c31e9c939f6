// A stored profile document as the matcher's MatchRecord: names, birth date, the first present e-mail,
// phone and address of the standard profile (in the model's member order), and the account number.
import type { JsonObject } from '../../storage/ports.js';
import type { MatchRecord } from '../../matching/index.js';
import { fromDocument } from '../profiles/profile-document.js';
import { ADDRESS_FIELDS, EMAIL_FIELDS, PHONE_FIELDS } from '../profiles/profile.js';

export function toMatchRecord(profileId: string, document: JsonObject): MatchRecord {
  const fields = fromDocument(document);
  const email = EMAIL_FIELDS.map((name) => fields[name]).find((value) => value !== undefined);
  const phone = PHONE_FIELDS.map((name) => fields[name]).find((value) => value !== undefined);
  const address = ADDRESS_FIELDS.map((name) => fields[name]).find((value) => value !== undefined);
  const record: { -readonly [K in keyof MatchRecord]: MatchRecord[K] } = { id: profileId };
  const set = (key: Exclude<keyof MatchRecord, 'id'>, value: string | undefined) => {
    if (value !== undefined && value !== '') record[key] = value;
  };
  set('firstName', fields.firstName);
  set('middleName', fields.middleName);
  set('lastName', fields.lastName);
  set('birthDate', fields.birthDate);
  set('email', email);
  set('phone', phone);
  set('address1', address?.address1);
  set('address2', address?.address2);
  set('city', address?.city);
  set('state', address?.state);
  set('postalCode', address?.postalCode);
  set('accountNumber', fields.accountNumber);
  return record;
}
