// ServiceNow templates: sys_user to the profile; task and incident to the standard case (spec §3.13).
import { address, from, key, type Template } from './template.js';

const SERVICENOW_TIME = 'yyyy-MM-dd HH:mm:ss';

export const serviceNowSysUser: Template = {
  templateId: 'ServiceNow-sys_user',
  sourceName: 'ServiceNow',
  sourceObject: 'sys_user',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: SERVICENOW_TIME,
  fields: {
    sys_id: from('sys_id', '_profile.Attributes.ServiceNowSystemId'),
    first_name: from('first_name', '_profile.FirstName', 'NAME'),
    middle_name: from('middle_name', '_profile.MiddleName', 'NAME'),
    last_name: from('last_name', '_profile.LastName', 'NAME'),
    gender: from('gender', '_profile.GenderString'),
    email: from('email', '_profile.EmailAddress', 'EMAIL_ADDRESS'),
    phone: from('phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    home_phone: from('home_phone', '_profile.HomePhoneNumber', 'PHONE_NUMBER'),
    mobile_phone: from('mobile_phone', '_profile.MobilePhoneNumber', 'PHONE_NUMBER'),
    sys_updated_on: from('sys_updated_on', '_profile.SourceLastUpdatedTimestamp'),
    ...address('_profile.Address', { Address1: 'street', City: 'city', State: 'state', Country: 'country', PostalCode: 'zip' }),
  },
  keys: {
    _serviceNowSystemId: key(['PROFILE', 'UNIQUE'], 'sys_id'),
  },
};

export const serviceNowTask: Template = {
  templateId: 'ServiceNow-task',
  sourceName: 'ServiceNow',
  sourceObject: 'task',
  allowProfileCreation: false,
  fields: {
    sys_id: from('sys_id', '_case.Attributes.ServiceNowTaskId'),
    opened_by: from('opened_by.value', '_case.Attributes.ServiceNowSystemUserId'),
    short_description: from('short_description', '_case.Title'),
    description: from('description', '_case.Summary'),
    state: from('state', '_case.Status'),
    sys_created_by: from('sys_created_by', '_case.CreatedBy'),
    sys_created_on: from('sys_created_on', '_case.CreatedDate'),
    sys_updated_on: from('sys_updated_on', '_case.UpdatedDate'),
  },
  keys: {
    _serviceNowTaskId: key(['CASE', 'UNIQUE'], 'sys_id'),
    _serviceNowSystemId: key(['PROFILE'], 'opened_by'),
  },
};

export const serviceNowIncident: Template = {
  templateId: 'ServiceNow-incident',
  sourceName: 'ServiceNow',
  sourceObject: 'incident',
  allowProfileCreation: false,
  fields: {
    sys_id: from('sys_id', '_case.Attributes.ServiceNowIncidentId'),
    caller: from('caller_id.value', '_case.Attributes.ServiceNowSystemUserId'),
    created_by: from('caller_id.value', '_case.CreatedBy'),
    short_description: from('short_description', '_case.Title'),
    description: from('description', '_case.Summary'),
    incident_state: from('incident_state', '_case.Status'),
    category: from('category', '_case.Reason'),
    sys_created_on: from('sys_created_on', '_case.CreatedDate'),
    sys_updated_on: from('sys_updated_on', '_case.UpdatedDate'),
    resolved_at: from('resolved_at', '_case.ClosedDate'),
  },
  keys: {
    _serviceNowIncidentId: key(['CASE', 'UNIQUE'], 'sys_id'),
    _serviceNowSystemId: key(['PROFILE'], 'caller'),
  },
};
