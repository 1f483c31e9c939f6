// Zendesk templates: users to the profile, tickets to the standard case (spec §3.13).
import { from, key, type Template } from './template.js';

const ZENDESK_TIME = "yyyy-MM-dd'T'HH:mm:ss'Z'";

export const zendeskUsers: Template = {
  templateId: 'Zendesk-users',
  sourceName: 'Zendesk',
  sourceObject: 'users',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: ZENDESK_TIME,
  fields: {
    id: from('id', '_profile.Attributes.ZendeskUserId'),
    external_id: from('external_id', '_profile.Attributes.ZendeskExternalId'),
    name: from('name', '_profile.Attributes.ZendeskName', 'NAME'),
    email: from('email', '_profile.EmailAddress', 'EMAIL_ADDRESS'),
    phone: from('phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    updated_at: from('updated_at', '_profile.SourceLastUpdatedTimestamp'),
  },
  keys: {
    _zendeskUserId: key(['PROFILE', 'UNIQUE'], 'id'),
    _zendeskExternalId: key(['PROFILE', 'SECONDARY'], 'external_id'),
  },
};

export const zendeskTickets: Template = {
  templateId: 'Zendesk-tickets',
  sourceName: 'Zendesk',
  sourceObject: 'tickets',
  allowProfileCreation: false,
  fields: {
    id: from('id', '_case.Attributes.ZendeskTicketId'),
    requester_id: from('requester_id', '_case.Attributes.ZendeskUserId'),
    created_by: from('requester_id', '_case.CreatedBy'),
    subject: from('subject', '_case.Title'),
    description: from('description', '_case.Summary'),
    status: from('status', '_case.Status'),
    created_at: from('created_at', '_case.CreatedDate'),
    updated_at: from('updated_at', '_case.UpdatedDate'),
  },
  keys: {
    _zendeskTicketId: key(['CASE', 'UNIQUE'], 'id'),
    _zendeskUserId: key(['PROFILE'], 'requester_id'),
  },
};
