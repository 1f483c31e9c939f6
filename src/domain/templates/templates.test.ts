// Every template is a valid object type, and templates agree with each other on shared key names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATES } from './index.js';
import { keyContentTypes, validateMapping } from '../object-types/validate.js';
import { createHandlebars } from '../object-types/field-source.js';

const handlebars = createHandlebars();

test('the library holds the templates the integrations need', () => {
  for (const id of [
    'Salesforce-Account', 'Salesforce-Contact', 'Salesforce-Asset', 'Zendesk-users', 'Zendesk-tickets', 'Marketo-leads',
    'ServiceNow-sys_user', 'ServiceNow-task', 'ServiceNow-incident', 'Segment-Identify', 'Shopify-Customer', 'Shopify-Order',
    'Shopify-DraftOrder', 'CTR', 'CTR-NoInferred', 'CTR-AutoAssociateOnly',
  ]) {
    assert.ok(TEMPLATES.has(id), id);
  }
});

test('each template passes the object-type validation rules', () => {
  for (const template of TEMPLATES.values()) {
    assert.doesNotThrow(() => validateMapping(template, new Map(), handlebars), template.templateId);
  }
});

test('templates that share a key name give it the same content types (keys are domain-global)', () => {
  const seen = new Map<string, [string, string]>();
  for (const template of TEMPLATES.values()) {
    for (const [name, defs] of Object.entries(template.keys)) {
      for (const def of defs) {
        const types = keyContentTypes(template, def);
        const prior = seen.get(name);
        if (prior) assert.equal(types, prior[1], `${name}: ${template.templateId} vs ${prior[0]}`);
        else seen.set(name, [template.templateId, types]);
      }
    }
  }
});
