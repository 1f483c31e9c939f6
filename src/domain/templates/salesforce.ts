// Salesforce templates: Account and Contact to the profile, Asset to the standard asset (spec §3.13).
import { address, from, key, template, type Template } from './template.js';

const SALESFORCE_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

export const salesforceAccount: Template = {
  templateId: 'Salesforce-Account',
  sourceName: 'Salesforce',
  sourceObject: 'Account',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: SALESFORCE_TIME,
  fields: {
    Id: from('Id', '_profile.Attributes.sfdcAccountId'),
    Name: from('Name', '_profile.BusinessName', 'NAME'),
    AccountNumber: from('AccountNumber', '_profile.AccountNumber'),
    Phone: from('Phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    FirstName: from('FirstName', '_profile.FirstName', 'NAME'),
    MiddleName: from('MiddleName', '_profile.MiddleName', 'NAME'),
    LastName: from('LastName', '_profile.LastName', 'NAME'),
    PartyType: template('{{#if _source.IsPersonAccount}}INDIVIDUAL{{else}}BUSINESS{{/if}}', '_profile.PartyType'),
    PersonMobilePhone: from('PersonMobilePhone', '_profile.MobilePhoneNumber', 'PHONE_NUMBER'),
    PersonHomePhone: from('PersonHomePhone', '_profile.HomePhoneNumber', 'PHONE_NUMBER'),
    PersonEmail: from('PersonEmail', '_profile.PersonalEmailAddress', 'EMAIL_ADDRESS'),
    PersonBirthdate: from('PersonBirthdate', '_profile.BirthDate'),
    SystemModstamp: from('SystemModstamp', '_profile.SourceLastUpdatedTimestamp'),
    ...address('_profile.BillingAddress', { Address1: 'BillingStreet', City: 'BillingCity', State: 'BillingState', Country: 'BillingCountry', PostalCode: 'BillingPostalCode' }),
    ...address('_profile.ShippingAddress', { Address1: 'ShippingStreet', City: 'ShippingCity', State: 'ShippingState', Country: 'ShippingCountry', PostalCode: 'ShippingPostalCode' }),
    ...address('_profile.MailingAddress', { Address1: 'PersonMailingStreet', City: 'PersonMailingCity', State: 'PersonMailingState', Country: 'PersonMailingCountry', PostalCode: 'PersonMailingPostalCode' }),
    ...address('_profile.Address', { Address1: 'PersonOtherStreet', City: 'PersonOtherCity', State: 'PersonOtherState', Country: 'PersonOtherCountry', PostalCode: 'PersonOtherPostalCode' }),
  },
  keys: {
    _salesforceAccountId: key(['PROFILE', 'UNIQUE'], 'Id'),
  },
};

export const salesforceContact: Template = {
  templateId: 'Salesforce-Contact',
  sourceName: 'Salesforce',
  sourceObject: 'Contact',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: SALESFORCE_TIME,
  fields: {
    Id: from('Id', '_profile.Attributes.sfdcContactId'),
    AccountId: from('AccountId', '_profile.Attributes.sfdcAccountId'),
    FirstName: from('FirstName', '_profile.FirstName', 'NAME'),
    MiddleName: from('MiddleName', '_profile.MiddleName', 'NAME'),
    LastName: from('LastName', '_profile.LastName', 'NAME'),
    Phone: from('Phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    HomePhone: from('HomePhone', '_profile.HomePhoneNumber', 'PHONE_NUMBER'),
    MobilePhone: from('MobilePhone', '_profile.MobilePhoneNumber', 'PHONE_NUMBER'),
    Email: from('Email', '_profile.EmailAddress', 'EMAIL_ADDRESS'),
    Birthdate: from('Birthdate', '_profile.BirthDate'),
    SystemModstamp: from('SystemModstamp', '_profile.SourceLastUpdatedTimestamp'),
    ...address('_profile.Address', { Address1: 'OtherStreet', City: 'OtherCity', State: 'OtherState', Country: 'OtherCountry', PostalCode: 'OtherPostalCode' }),
    ...address('_profile.MailingAddress', { Address1: 'MailingStreet', City: 'MailingCity', State: 'MailingState', Country: 'MailingCountry', PostalCode: 'MailingPostalCode' }),
  },
  keys: {
    _salesforceContactId: key(['PROFILE', 'UNIQUE'], 'Id'),
    _salesforceAccountId: key([], 'AccountId'),
  },
};

export const salesforceAsset: Template = {
  templateId: 'Salesforce-Asset',
  sourceName: 'Salesforce',
  sourceObject: 'Asset',
  allowProfileCreation: false,
  fields: {
    Id: from('Id', '_asset.Attributes.sfdcAssetId'),
    ContactId: from('ContactId', '_asset.Attributes.sfdcContactId'),
    AccountId: from('AccountId', '_asset.Attributes.sfdcAccountId'),
    Name: from('Name', '_asset.AssetName'),
    SerialNumber: from('SerialNumber', '_asset.SerialNumber'),
    StockKeepingUnit: from('StockKeepingUnit', '_asset.ProductSKU'),
    PurchaseDate: from('PurchaseDate', '_asset.PurchaseDate'),
    UsageEndDate: from('UsageEndDate', '_asset.UsageEndDate'),
    Status: from('Status', '_asset.Status'),
    Price: from('Price', '_asset.Price', 'NUMBER'),
    Quantity: from('Quantity', '_asset.Quantity', 'NUMBER'),
    Description: from('Description', '_asset.Description'),
  },
  keys: {
    _salesforceAssetId: key(['ASSET', 'UNIQUE'], 'Id'),
    _salesforceContactId: key(['PROFILE'], 'ContactId'),
    _salesforceAccountId: key(['PROFILE', 'SECONDARY'], 'AccountId'),
  },
};
