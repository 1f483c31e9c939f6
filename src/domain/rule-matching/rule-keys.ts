// The rule keys of a profile (spec §3.10): for each level up to MaxAllowedRuleLevelForMatching, one key per
// way the profile can fill every attribute of that level's rule. Two profiles match at a level exactly when
// they share a key there. EmailAddress, PhoneNumber and Address.* stand for the members the
// AttributeTypesSelector names: ONE_TO_ONE keys carry the member (like only matches like), MANY_TO_MANY
// keys do not (any member matches any). The Address.* parts of one rule come from one address.
import { createHash } from 'node:crypto';
import type { RuleKey } from '../../storage/rule-matching-ports.js';
import { normalizeEmail, normalizeName, normalizePhone, type NormalizeOptions } from '../keys/normalize.js';
import { cleanText, normalizeBirthDate, normalizeCode, normalizeStreet } from '../../matching/normalize.js';
import type { AddressFields, ProfileFields, ScalarField } from '../profiles/profile.js';
import type { AddressPart, RuleAttribute, RuleConfig } from './config.js';

/** Which member stands for each type in one way of filling a rule. */
interface Choice {
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
}

export function ruleKeys(fields: ProfileFields, config: RuleConfig, generation: string, options: NormalizeOptions): RuleKey[] {
  const keys: RuleKey[] = [];
  for (let level = 1; level <= config.maxMatchingLevel; level++) {
    const rule = config.rules[level - 1] ?? [];
    const seen = new Set<string>();
    for (const choice of choices(rule, config)) {
      const values = rule.map((attribute) => valueOf(attribute, fields, choice, options));
      if (values.some((value) => value === undefined)) continue;
      const member = config.model === 'ONE_TO_ONE' ? [choice.email ?? '', choice.phone ?? '', choice.address ?? ''].join('\u0001') : '';
      const key = digest(`${generation}\u0000${level}\u0000${member}\u0000${values.join('\u0001')}`);
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push({ level, key });
    }
  }
  return keys;
}

/** Every combination of one member per type the rule uses. */
function choices(rule: readonly RuleAttribute[], config: RuleConfig): Choice[] {
  const uses = (kind: RuleAttribute['kind']) => rule.some((attribute) => attribute.kind === kind);
  let result: Choice[] = [{}];
  const expand = (type: keyof Choice, members: readonly string[]) => {
    result = result.flatMap((choice) => members.map((member) => ({ ...choice, [type]: member })));
  };
  if (uses('email')) expand('email', config.emailFields);
  if (uses('phone')) expand('phone', config.phoneFields);
  if (uses('address')) expand('address', config.addressFields);
  return result;
}

function valueOf(attribute: RuleAttribute, fields: ProfileFields, choice: Choice, options: NormalizeOptions): string | undefined {
  switch (attribute.kind) {
    case 'scalar':
      return scalarValue(attribute.field, fields[attribute.field]);
    case 'email':
      return present(normalizeEmail(fields[choice.email as ScalarField] ?? ''));
    case 'phone': {
      const raw = fields[choice.phone as ScalarField];
      return raw === undefined ? undefined : present(normalizePhone(raw, options));
    }
    case 'address':
      return addressPart(fields[choice.address as keyof ProfileFields] as AddressFields | undefined, attribute.part);
    case 'custom':
      return present(fields.attributes?.[attribute.name]?.trim() ?? '');
  }
}

function scalarValue(field: ScalarField, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  switch (field) {
    case 'firstName':
    case 'middleName':
    case 'lastName':
      return present(normalizeName(raw));
    case 'birthDate':
      return normalizeBirthDate(raw);
    case 'businessName':
      return cleanText(raw);
    case 'gender':
      return present(raw.trim().toUpperCase());
    default:
      return present(raw.trim());
  }
}

function addressPart(address: AddressFields | undefined, part: AddressPart): string | undefined {
  if (address === undefined) return undefined;
  switch (part) {
    case 'Address':
      return normalizeStreet(address.address1, address.address2, address.address3, address.address4);
    case 'PostalCode':
      return normalizeCode(address.postalCode);
    case 'City':
      return cleanText(address.city);
    case 'Country':
      return cleanText(address.country);
    case 'County':
      return cleanText(address.county);
    case 'State':
      return cleanText(address.state);
    case 'Province':
      return cleanText(address.province);
  }
}

function present(value: string): string | undefined {
  return value === '' ? undefined : value;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}
