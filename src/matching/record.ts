// The engine's input and normalized record shapes: plain objects with the standard profile's fields.

/** One profile as the matcher sees it; every field optional, `id` opaque to the engine. */
export interface MatchRecord {
  readonly id: string;
  readonly firstName?: string;
  readonly middleName?: string;
  readonly lastName?: string;
  readonly birthDate?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address1?: string;
  readonly address2?: string;
  readonly city?: string;
  readonly state?: string;
  readonly postalCode?: string;
  readonly accountNumber?: string;
}

/** Normalized values; `undefined` means missing (empty after normalization). */
export interface NormalizedRecord {
  readonly firstName: string | undefined;
  /** The nickname table's canonical form of firstName (robert for bob). */
  readonly firstCanonical: string | undefined;
  readonly middleName: string | undefined;
  readonly lastName: string | undefined;
  /** YYYY-MM-DD, or the 8 digits as written when they are not a valid date (a typo still compares). */
  readonly birthDate: string | undefined;
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly street: string | undefined;
  readonly city: string | undefined;
  readonly state: string | undefined;
  readonly postalCode: string | undefined;
  readonly accountNumber: string | undefined;
}
