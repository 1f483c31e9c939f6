// The template library, by TemplateId (ListProfileObjectTypeTemplates lists it in this order).
import type { Template } from './template.js';
import { contactRecord, contactRecordAutoAssociateOnly, contactRecordNoInferred } from './connect-contact-record.js';
import { marketoLeads } from './marketo.js';
import { salesforceAccount, salesforceAsset, salesforceContact } from './salesforce.js';
import { segmentIdentify } from './segment.js';
import { serviceNowIncident, serviceNowSysUser, serviceNowTask } from './servicenow.js';
import { shopifyCustomer, shopifyDraftOrder, shopifyOrder } from './shopify.js';
import { zendeskTickets, zendeskUsers } from './zendesk.js';

export const TEMPLATES: ReadonlyMap<string, Template> = new Map(
  [
    contactRecord, contactRecordAutoAssociateOnly, contactRecordNoInferred,
    marketoLeads,
    salesforceAccount, salesforceAsset, salesforceContact,
    segmentIdentify,
    serviceNowIncident, serviceNowSysUser, serviceNowTask,
    shopifyCustomer, shopifyDraftOrder, shopifyOrder,
    zendeskTickets, zendeskUsers,
  ]
    .sort((a, b) => (a.templateId < b.templateId ? -1 : 1))
    .map((template) => [template.templateId, template]),
);
