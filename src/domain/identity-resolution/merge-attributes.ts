// The attribute names of Consolidation.MatchingAttributesList and the comparable value of each on a
// profile: standard members by their wire name (FirstName, EmailAddress…), address lines as
// `Address.City`, a whole address by its member name (`ShippingAddress`), custom attributes as
// `Attributes.<name>` or by their bare name. Values are normalized the way matching compares them.
import { normalizePhone, type NormalizeOptions } from '../keys/normalize.js';
import { cleanText, normalizeBirthDate, normalizeCode, normalizeEmailAddress, normalizePersonName, normalizeStreet } from '../../matching/normalize.js';
import { ADDRESS_FIELDS, ADDRESS_LINES, EMAIL_FIELDS, NAME_FIELDS, PHONE_FIELDS, SCALAR_FIELDS, type AddressFields, type ProfileFields } from '../profiles/profile.js';

type Reader = (fields: ProfileFields, options: NormalizeOptions) => string | undefined;

const byWireName = (names: readonly string[]) => new Map(names.map((name) => [name.toLowerCase(), name]));
const SCALARS = byWireName(SCALAR_FIELDS);
const ADDRESSES = byWireName(ADDRESS_FIELDS);
const LINES = byWireName(ADDRESS_LINES);
const NAMES = new Set<string>(NAME_FIELDS);
const EMAILS = new Set<string>(EMAIL_FIELDS);
const PHONES = new Set<string>(PHONE_FIELDS);
const readers = new Map<string, Reader>();

/** The reader of one attribute name (names compare without regard to case, except custom attributes). */
export function attributeReader(name: string): Reader {
  let reader = readers.get(name);
  if (!reader) {
    reader = buildReader(name);
    readers.set(name, reader);
  }
  return reader;
}

/** Every attribute's normalized value joined, or undefined when any one is missing. */
export function criterionValue(fields: ProfileFields, attributes: readonly string[], options: NormalizeOptions): string | undefined {
  const values: string[] = [];
  for (const name of attributes) {
    const value = attributeReader(name)(fields, options);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return JSON.stringify(values);
}

function buildReader(name: string): Reader {
  const lower = name.toLowerCase();
  const scalar = SCALARS.get(lower);
  if (scalar !== undefined) return (fields, options) => normalizeScalar(scalar, fields[scalar as keyof ProfileFields] as string | undefined, options);
  const address = ADDRESSES.get(lower);
  if (address !== undefined) return (fields) => wholeAddress(fields[address as keyof ProfileFields] as AddressFields | undefined);
  const dot = name.indexOf('.');
  if (dot > 0) {
    const head = name.slice(0, dot);
    const tail = name.slice(dot + 1);
    if (head.toLowerCase() === 'attributes') return (fields) => cleanText(fields.attributes?.[tail]);
    const owner = ADDRESSES.get(head.toLowerCase());
    const line = LINES.get(tail.toLowerCase());
    if (owner !== undefined && line !== undefined) {
      return (fields) => normalizeLine(line, (fields[owner as keyof ProfileFields] as AddressFields | undefined)?.[line as keyof AddressFields]);
    }
  }
  return (fields) => cleanText(fields.attributes?.[name]);
}

function normalizeScalar(field: string, value: string | undefined, options: NormalizeOptions): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (NAMES.has(field)) return normalizePersonName(value);
  if (EMAILS.has(field)) return normalizeEmailAddress(value) ?? cleanText(value);
  if (PHONES.has(field)) return normalizePhone(value, options);
  if (field === 'birthDate') return normalizeBirthDate(value);
  if (field === 'accountNumber') return normalizeCode(value);
  return cleanText(value);
}

function normalizeLine(line: string, value: string | undefined): string | undefined {
  if (line === 'postalCode') return normalizeCode(value);
  if (line.startsWith('address')) return normalizeStreet(value);
  return cleanText(value);
}

function wholeAddress(address: AddressFields | undefined): string | undefined {
  if (!address) return undefined;
  const street = normalizeStreet(address.address1, address.address2, address.address3, address.address4);
  const rest = ADDRESS_LINES.filter((line) => !line.startsWith('address')).map((line) => normalizeLine(line, address[line]) ?? '');
  return street === undefined && rest.every((part) => part === '') ? undefined : [street ?? '', ...rest].join('|');
}
