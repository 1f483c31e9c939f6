// Segment template: identify calls to the profile (spec §3.13).
import { address, from, key, type Template } from './template.js';

export const segmentIdentify: Template = {
  templateId: 'Segment-Identify',
  sourceName: 'Segment',
  sourceObject: 'Identify',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
  fields: {
    userId: from('userId', '_profile.Attributes.SegmentUserId'),
    company: from('traits.company.name', '_profile.BusinessName', 'NAME'),
    firstName: from('traits.firstName', '_profile.FirstName', 'NAME'),
    lastName: from('traits.lastName', '_profile.LastName', 'NAME'),
    birthday: from('traits.birthday', '_profile.BirthDate'),
    gender: from('traits.gender', '_profile.GenderString'),
    phone: from('traits.phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    email: from('traits.email', '_profile.EmailAddress', 'EMAIL_ADDRESS'),
    timestamp: from('timestamp', '_profile.SourceLastUpdatedTimestamp'),
    ...address('_profile.Address', { Address1: 'street', City: 'city', State: 'state', Country: 'country', PostalCode: 'postalCode' }, 'traits.address.'),
  },
  keys: {
    _segmentUserId: key(['PROFILE', 'UNIQUE'], 'userId'),
  },
};
