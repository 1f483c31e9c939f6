// Marketo template: leads to the profile (spec §3.13).
import { address, from, key, type Template } from './template.js';

export const marketoLeads: Template = {
  templateId: 'Marketo-leads',
  sourceName: 'Marketo',
  sourceObject: 'leads',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: "yyyy-MM-dd'T'HH:mm:ss'Z'",
  fields: {
    id: from('id', '_profile.Attributes.MarketoLeadId'),
    sfdcAccountId: from('sfdcAccountId', '_profile.Attributes.sfdcAccountId'),
    sfdcContactId: from('sfdcContactId', '_profile.Attributes.sfdcContactId'),
    firstName: from('firstName', '_profile.FirstName', 'NAME'),
    middleName: from('middleName', '_profile.MiddleName', 'NAME'),
    lastName: from('lastName', '_profile.LastName', 'NAME'),
    email: from('email', '_profile.EmailAddress', 'EMAIL_ADDRESS'),
    phone: from('phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    mobilePhone: from('mobilePhone', '_profile.MobilePhoneNumber', 'PHONE_NUMBER'),
    gender: from('gender', '_profile.GenderString'),
    dateOfBirth: from('dateOfBirth', '_profile.BirthDate'),
    updatedAt: from('updatedAt', '_profile.SourceLastUpdatedTimestamp'),
    ...address('_profile.BillingAddress', { Address1: 'billingStreet', City: 'billingCity', State: 'billingState', Country: 'billingCountry', PostalCode: 'billingPostalCode' }),
    ...address('_profile.Address', { Address1: 'address', City: 'city', State: 'state', Country: 'country', PostalCode: 'postalCode' }),
  },
  keys: {
    _marketoLeadId: key(['PROFILE', 'UNIQUE'], 'id'),
    _salesforceContactId: key(['PROFILE', 'SECONDARY'], 'sfdcContactId'),
    _salesforceAccountId: key([], 'sfdcAccountId'),
  },
};
