// A handful of profiles for identity-resolution tests: ten distinct people and three clear duplicates of them.
import type { ProfileFields } from '../../src/domain/profiles/profile.js';

const person = (firstName: string, lastName: string, emailAddress: string, phoneNumber: string, birthDate: string, address1: string, city: string, postalCode: string): ProfileFields => ({
  firstName,
  lastName,
  emailAddress,
  phoneNumber,
  birthDate,
  address: { address1, city, postalCode, state: 'WA' },
});

export const DISTINCT: readonly ProfileFields[] = [
  person('John', 'Smith', 'john.smith@example.com', '+12065550101', '1980-01-15', '12 Pine St', 'Seattle', '98101'),
  person('Maria', 'Garcia', 'mgarcia@example.org', '+12065550102', '1975-06-02', '400 Oak Ave', 'Tacoma', '98402'),
  person('Wei', 'Chen', 'wei.chen@example.net', '+12065550103', '1990-11-30', '77 Birch Rd', 'Redmond', '98052'),
  person('Aisha', 'Khan', 'aisha.k@example.com', '+12065550104', '1988-03-09', '5 Cedar Ln', 'Bellevue', '98004'),
  person('Liam', 'OBrien', 'liam.obrien@example.com', '+12065550105', '1969-09-21', '990 Elm St', 'Everett', '98201'),
  person('Sofia', 'Rossi', 'sofia.rossi@example.it', '+12065550106', '1995-12-12', '31 Maple Dr', 'Olympia', '98501'),
  person('Kenji', 'Tanaka', 'kenji.t@example.jp', '+12065550107', '1983-07-04', '8 Spruce Ct', 'Spokane', '99201'),
  person('Emma', 'Johnson', 'emma.j@example.com', '+12065550108', '1999-02-28', '222 Willow Way', 'Kent', '98030'),
  person('Noah', 'Williams', 'noahw@example.com', '+12065550109', '1972-05-17', '61 Aspen Pl', 'Renton', '98055'),
  person('Olivia', 'Brown', 'obrown@example.org', '+12065550110', '1986-10-08', '17 Fir Blvd', 'Yakima', '98901'),
];

/** Duplicates of DISTINCT[0], [1] and [2]: case, a nickname, a typo and phone formatting. */
export const DUPLICATES: readonly ProfileFields[] = [
  person('Johnny', 'Smith', 'JOHN.SMITH@example.com', '(206) 555-0101', '1980-01-15', '12 Pine Street', 'Seattle', '98101'),
  person('Maria', 'Garcya', 'mgarcia@example.org', '206-555-0102', '1975-06-02', '400 Oak Avenue', 'Tacoma', '98402'),
  person('Wei', 'Chen', 'wei.chen@example.net', '+1 206 555 0103', '1990-11-30', '77 Birch Road', 'Redmond', '98052'),
];

/** A profile of these as CreateProfile members. */
export function wire(fields: ProfileFields) {
  const address = fields.address;
  return {
    FirstName: fields.firstName,
    LastName: fields.lastName,
    EmailAddress: fields.emailAddress,
    PhoneNumber: fields.phoneNumber,
    BirthDate: fields.birthDate,
    Address: { Address1: address?.address1, City: address?.city, State: address?.state, PostalCode: address?.postalCode },
  };
}

/** What `openprofiles matching run` prints. */
export interface CliResult {
  JobId: string;
  Status: string;
  JobStats: { NumberOfProfilesReviewed: number; NumberOfMatchesFound: number; NumberOfMergesDone: number };
}
