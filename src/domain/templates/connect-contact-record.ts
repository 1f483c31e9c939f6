// Amazon Connect contact-record templates (spec §3.13): matched by _ctrContactId (set with AddProfileKey
// before the record arrives), then by the caller's phone; they differ in whether a profile may be created.
import type { FieldMapping } from '../object-types/definition.js';
import { from, key, type Template } from './template.js';

function fields(): Record<string, FieldMapping> {
  return {
    ContactId: from('ContactId'),
    InstanceARN: from('InstanceARN'),
    Channel: from('Channel'),
    InitiationMethod: from('InitiationMethod'),
    InitiationTimestamp: from('InitiationTimestamp'),
    DisconnectTimestamp: from('DisconnectTimestamp'),
    CustomerPhone: from('CustomerEndpoint.Address', undefined, 'PHONE_NUMBER'),
    QueueName: from('Queue.Name'),
    AgentUsername: from('Agent.Username'),
  };
}

const contactId = key(['PROFILE', 'UNIQUE'], 'ContactId');
const phone = key(['PROFILE', 'SECONDARY'], 'CustomerPhone');

export const contactRecord: Template = {
  templateId: 'CTR',
  sourceName: 'Amazon Connect',
  sourceObject: 'ContactRecord',
  allowProfileCreation: true,
  fields: fields(),
  keys: { _ctrContactId: contactId },
};

export const contactRecordNoInferred: Template = {
  templateId: 'CTR-NoInferred',
  sourceName: 'Amazon Connect',
  sourceObject: 'ContactRecord',
  allowProfileCreation: true,
  fields: fields(),
  keys: { _ctrContactId: contactId, _phone: phone },
};

export const contactRecordAutoAssociateOnly: Template = {
  templateId: 'CTR-AutoAssociateOnly',
  sourceName: 'Amazon Connect',
  sourceObject: 'ContactRecord',
  allowProfileCreation: false,
  fields: fields(),
  keys: { _ctrContactId: contactId, _phone: phone },
};
