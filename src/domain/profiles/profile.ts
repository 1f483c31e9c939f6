// The standard profile (spec §3.2) in the domain's camelCase form, and UpdateProfile's change set.

/** Single-value members: free text, and the enums (PartyType, Gender, ProfileType) whose values the model checks. */
export const SCALAR_FIELDS = [
  'accountNumber',
  'additionalInformation',
  'partyType',
  'businessName',
  'firstName',
  'middleName',
  'lastName',
  'birthDate',
  'gender',
  'phoneNumber',
  'mobilePhoneNumber',
  'homePhoneNumber',
  'businessPhoneNumber',
  'emailAddress',
  'personalEmailAddress',
  'businessEmailAddress',
  'partyTypeString',
  'genderString',
  'profileType',
] as const;

export const ADDRESS_FIELDS = ['address', 'shippingAddress', 'mailingAddress', 'billingAddress'] as const;

export const ADDRESS_LINES = ['address1', 'address2', 'address3', 'address4', 'city', 'county', 'state', 'province', 'country', 'postalCode'] as const;

export const PHONE_FIELDS = ['phoneNumber', 'mobilePhoneNumber', 'homePhoneNumber', 'businessPhoneNumber'] as const;
export const EMAIL_FIELDS = ['emailAddress', 'personalEmailAddress', 'businessEmailAddress'] as const;
export const NAME_FIELDS = ['firstName', 'middleName', 'lastName'] as const;

export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressLine = (typeof ADDRESS_LINES)[number];

export type AddressFields = Partial<Record<AddressLine, string>>;

export interface ContactPreference {
  readonly keyName?: string;
  readonly keyValue?: string;
  readonly profileId?: string;
  readonly contactType?: string;
}

export interface EngagementPreferences {
  readonly phone?: readonly ContactPreference[];
  readonly email?: readonly ContactPreference[];
}

/** A profile's standard members; absent members are absent, never empty. */
export type ProfileFields = Partial<Record<ScalarField, string>> &
  Partial<Record<AddressField, AddressFields>> & {
    attributes?: Record<string, string>;
    engagementPreferences?: EngagementPreferences;
  };

/**
 * UpdateProfile's three states per member, per address line and per attribute (spec §3.2):
 * absent keeps, `null` (the wire's "") deletes, a value sets. Engagement-preference lists that
 * are sent replace the stored list; an empty list removes it.
 */
export type ProfileChanges = { [F in ScalarField]?: string | null } & { [F in AddressField]?: Partial<Record<AddressLine, string | null>> } & {
  attributes?: Readonly<Record<string, string | null>>;
  engagementPreferences?: EngagementPreferences;
};

/** Field path ("firstName", "address.city", "attributes.<name>", "engagementPreferences.phone") -> source of its value. */
export type FieldSources = Readonly<Record<string, string>>;

/** The source recorded for values written by CreateProfile, UpdateProfile and AddProfileKey (spec §0.6). */
export const MANUAL_SOURCE = 'manual';

export interface Profile {
  readonly profileId: string;
  readonly fields: ProfileFields;
}
