// RuleBasedMatching (spec §3.10): the rules as the engine uses them, read from the stored wire JSON, and
// the checks beyond the model's constraints (attribute names, levels, selector lists, SOURCE's name).
import type { RuleBasedMatchingRequest } from '../../generated/shapes.js';
import type { JsonValue } from '../../storage/ports.js';
import { invalidRuleBasedMatching } from '../errors.js';
import type { AddressField, ScalarField } from '../profiles/profile.js';

/** Rule attributes that name one standard member. */
export const SCALAR_ATTRIBUTES: Readonly<Record<string, ScalarField>> = {
  AccountNumber: 'accountNumber',
  BirthDate: 'birthDate',
  BusinessName: 'businessName',
  FirstName: 'firstName',
  Gender: 'gender',
  LastName: 'lastName',
  MiddleName: 'middleName',
};

/** `Address.<part>` attributes: the part of whichever address members represent the Address type. */
export const ADDRESS_PARTS = ['Address', 'City', 'Country', 'County', 'PostalCode', 'State', 'Province'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** The members AttributeTypesSelector may name for each type, wire name -> profile field. */
export const EMAIL_MEMBERS = { EmailAddress: 'emailAddress', BusinessEmailAddress: 'businessEmailAddress', PersonalEmailAddress: 'personalEmailAddress' } as const;
export const PHONE_MEMBERS = {
  PhoneNumber: 'phoneNumber',
  HomePhoneNumber: 'homePhoneNumber',
  MobilePhoneNumber: 'mobilePhoneNumber',
  BusinessPhoneNumber: 'businessPhoneNumber',
} as const;
export const ADDRESS_MEMBERS: Readonly<Record<string, AddressField>> = {
  Address: 'address',
  ShippingAddress: 'shippingAddress',
  MailingAddress: 'mailingAddress',
  BillingAddress: 'billingAddress',
};

export type RuleAttribute =
  | { readonly kind: 'scalar'; readonly name: string; readonly field: ScalarField }
  | { readonly kind: 'email' }
  | { readonly kind: 'phone' }
  | { readonly kind: 'address'; readonly part: AddressPart }
  | { readonly kind: 'custom'; readonly name: string };

export type AttributeMatchingModel = 'ONE_TO_ONE' | 'MANY_TO_MANY';

export interface ConflictResolutionSetting {
  readonly model: 'RECENCY' | 'SOURCE';
  readonly sourceName?: string;
}

export interface RuleConfig {
  readonly enabled: boolean;
  /** Level n is rules[n - 1]. */
  readonly rules: readonly (readonly RuleAttribute[])[];
  readonly maxMatchingLevel: number;
  /** 0: nothing is merged. */
  readonly maxMergingLevel: number;
  readonly model: AttributeMatchingModel;
  /** Profile fields that represent each type. */
  readonly emailFields: readonly string[];
  readonly phoneFields: readonly string[];
  readonly addressFields: readonly AddressField[];
  readonly conflictResolution: ConflictResolutionSetting;
}

export function parseAttribute(name: string): RuleAttribute | undefined {
  const scalar = SCALAR_ATTRIBUTES[name];
  if (scalar) return { kind: 'scalar', name, field: scalar };
  if (name === 'EmailAddress') return { kind: 'email' };
  if (name === 'PhoneNumber') return { kind: 'phone' };
  if (name.startsWith('Address.')) {
    const part = name.slice('Address.'.length);
    return (ADDRESS_PARTS as readonly string[]).includes(part) ? { kind: 'address', part: part as AddressPart } : undefined;
  }
  if (name.startsWith('Attributes.') && name.length > 'Attributes.'.length) return { kind: 'custom', name: name.slice('Attributes.'.length) };
  return undefined;
}

/**
 * Throws BadRequestException for settings the model accepts but the rules cannot use: unknown or repeated
 * attributes, levels past the rules, merging beyond matching, selector members of the wrong type, SOURCE
 * without a SourceName, or matching enabled without rules.
 */
export function validateRuleBasedMatching(request: RuleBasedMatchingRequest | undefined): void {
  if (request === undefined) return;
  const rules = request.MatchingRules ?? [];
  if (request.Enabled && rules.length === 0) throw invalidRuleBasedMatching('MatchingRules', 'must hold at least one rule when Enabled is true.');
  rules.forEach((rule, index) => {
    const seen = new Set<string>();
    rule.Rule.forEach((attribute, position) => {
      const member = `MatchingRules[${index}].Rule[${position}]`;
      if (parseAttribute(attribute) === undefined) {
        throw invalidRuleBasedMatching(
          member,
          `'${attribute}' is not a rule attribute: use AccountNumber, Address.Address, Address.City, Address.Country, Address.County, Address.PostalCode, Address.State, Address.Province, BirthDate, BusinessName, EmailAddress, FirstName, Gender, LastName, MiddleName, PhoneNumber or Attributes.<name>.`,
        );
      }
      if (seen.has(attribute)) throw invalidRuleBasedMatching(member, `repeats '${attribute}' within one rule.`);
      seen.add(attribute);
    });
  });
  const matching = request.MaxAllowedRuleLevelForMatching;
  const merging = request.MaxAllowedRuleLevelForMerging;
  if (matching !== undefined && matching > rules.length) {
    throw invalidRuleBasedMatching('MaxAllowedRuleLevelForMatching', `is ${matching}, but there ${rules.length === 1 ? 'is 1 rule' : `are ${rules.length} rules`}.`);
  }
  if (merging !== undefined && merging > (matching ?? rules.length)) {
    throw invalidRuleBasedMatching('MaxAllowedRuleLevelForMerging', `is ${merging}, beyond the levels used for matching (${matching ?? rules.length}): only matched profiles can be merged.`);
  }
  const selector = request.AttributeTypesSelector;
  if (selector) {
    checkMembers('AttributeTypesSelector.Address', selector.Address, Object.keys(ADDRESS_MEMBERS));
    checkMembers('AttributeTypesSelector.PhoneNumber', selector.PhoneNumber, Object.keys(PHONE_MEMBERS));
    checkMembers('AttributeTypesSelector.EmailAddress', selector.EmailAddress, Object.keys(EMAIL_MEMBERS));
  }
  const resolution = request.ConflictResolution;
  if (resolution?.ConflictResolvingModel === 'SOURCE' && resolution.SourceName === undefined) {
    throw invalidRuleBasedMatching('ConflictResolution.SourceName', 'is required when ConflictResolvingModel is SOURCE.');
  }
}

function checkMembers(member: string, values: readonly string[] | undefined, allowed: readonly string[]): void {
  const seen = new Set<string>();
  (values ?? []).forEach((value, index) => {
    if (!allowed.includes(value)) throw invalidRuleBasedMatching(`${member}[${index}]`, `'${value}' is not one of ${allowed.join(', ')}.`);
    if (seen.has(value)) throw invalidRuleBasedMatching(`${member}[${index}]`, `repeats '${value}'.`);
    seen.add(value);
  });
}

type Wire = { [key: string]: JsonValue };

/** The engine's form of the stored (wire JSON) RuleBasedMatching; absent lists take their type's main member. */
export function parseRuleConfig(stored: JsonValue): RuleConfig {
  const wire = (stored ?? {}) as Wire;
  const rules = ((wire['MatchingRules'] ?? []) as Wire[]).map((rule) => ((rule['Rule'] ?? []) as string[]).flatMap((name) => parseAttribute(name) ?? []));
  const selector = (wire['AttributeTypesSelector'] ?? {}) as Wire;
  const members = <T extends string>(list: JsonValue | undefined, table: Readonly<Record<string, T>>, fallback: T): T[] => {
    const names = Array.isArray(list) ? (list as string[]) : [];
    const fields = names.flatMap((name) => (table[name] === undefined ? [] : [table[name]]));
    return fields.length > 0 ? fields : [fallback];
  };
  const resolution = (wire['ConflictResolution'] ?? {}) as Wire;
  const maxMatching = typeof wire['MaxAllowedRuleLevelForMatching'] === 'number' ? wire['MaxAllowedRuleLevelForMatching'] : rules.length;
  const maxMerging = typeof wire['MaxAllowedRuleLevelForMerging'] === 'number' ? wire['MaxAllowedRuleLevelForMerging'] : 0;
  return {
    enabled: wire['Enabled'] === true,
    rules,
    maxMatchingLevel: Math.min(maxMatching, rules.length),
    maxMergingLevel: Math.min(maxMerging, maxMatching, rules.length),
    model: selector['AttributeMatchingModel'] === 'MANY_TO_MANY' ? 'MANY_TO_MANY' : 'ONE_TO_ONE',
    emailFields: members<string>(selector['EmailAddress'], EMAIL_MEMBERS, 'emailAddress'),
    phoneFields: members<string>(selector['PhoneNumber'], PHONE_MEMBERS, 'phoneNumber'),
    addressFields: members<AddressField>(selector['Address'], ADDRESS_MEMBERS, 'address'),
    conflictResolution: {
      model: resolution['ConflictResolvingModel'] === 'SOURCE' ? 'SOURCE' : 'RECENCY',
      ...(typeof resolution['SourceName'] === 'string' ? { sourceName: resolution['SourceName'] } : {}),
    },
  };
}

/** The members that decide matching: a change to anything else (ExportingConfig) keeps the current results. */
export function matchingSettings(stored: JsonValue): string {
  const wire = (stored ?? {}) as Wire;
  const pick = ['Enabled', 'MatchingRules', 'MaxAllowedRuleLevelForMatching', 'MaxAllowedRuleLevelForMerging', 'AttributeTypesSelector', 'ConflictResolution'];
  return JSON.stringify(pick.map((name) => wire[name] ?? null));
}
