// Shopify templates: customers to the profile; orders and draft orders to the standard order (spec §3.13).
import type { FieldMapping } from '../object-types/definition.js';
import { address, from, key, type Template } from './template.js';

const SHOPIFY_TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";
const ORDER_ADDRESS = { Name: 'name', Address1: 'address1', Address2: 'address2', City: 'city', Province: 'province', Country: 'country', PostalCode: 'zip' };

export const shopifyCustomer: Template = {
  templateId: 'Shopify-Customer',
  sourceName: 'Shopify',
  sourceObject: 'Customer',
  allowProfileCreation: true,
  sourceLastUpdatedTimestampFormat: SHOPIFY_TIME,
  fields: {
    id: from('id', '_profile.Attributes.ShopifyCustomerId'),
    email: from('email', '_profile.EmailAddress', 'EMAIL_ADDRESS'),
    first_name: from('first_name', '_profile.FirstName', 'NAME'),
    last_name: from('last_name', '_profile.LastName', 'NAME'),
    note: from('note', '_profile.AdditionalInformation'),
    phone: from('phone', '_profile.PhoneNumber', 'PHONE_NUMBER'),
    updated_at: from('updated_at', '_profile.SourceLastUpdatedTimestamp'),
    ...address('_profile.Address', { Address1: 'address1', Address2: 'address2', City: 'city', Province: 'province', Country: 'country', PostalCode: 'zip' }, 'default_address.'),
  },
  keys: {
    _shopifyCustomerId: key(['PROFILE', 'UNIQUE'], 'id'),
  },
};

function orderFields(): Record<string, FieldMapping> {
  return {
    id: from('id', '_order.Attributes.ShopifyOrderId'),
    customer_id: from('customer.id', '_order.Attributes.ShopifyCustomerId'),
    email: from('email', '_order.CustomerEmail', 'EMAIL_ADDRESS'),
    phone: from('phone', '_order.CustomerPhone', 'PHONE_NUMBER'),
    name: from('name', '_order.Name'),
    created_at: from('created_at', '_order.CreatedDate'),
    updated_at: from('updated_at', '_order.UpdatedDate'),
    currency: from('currency', '_order.Currency'),
    total_price: from('total_price', '_order.TotalPrice', 'NUMBER'),
    total_tax: from('total_tax', '_order.TotalTax', 'NUMBER'),
    ...address('_order.BillingAddress', ORDER_ADDRESS, 'billing_address.'),
    ...address('_order.ShippingAddress', ORDER_ADDRESS, 'shipping_address.'),
  };
}

const orderKeys = {
  _shopifyOrderId: key(['ORDER', 'UNIQUE'], 'id'),
  _shopifyCustomerId: key(['PROFILE'], 'customer_id'),
};

export const shopifyOrder: Template = {
  templateId: 'Shopify-Order',
  sourceName: 'Shopify',
  sourceObject: 'Order',
  allowProfileCreation: false,
  fields: {
    ...orderFields(),
    processed_at: from('processed_at', '_order.ProcessedDate'),
    closed_at: from('closed_at', '_order.ClosedDate'),
    cancelled_at: from('cancelled_at', '_order.CancelledDate'),
    cancel_reason: from('cancel_reason', '_order.CancelReason'),
    gateway: from('gateway', '_order.Gateway'),
    financial_status: from('financial_status', '_order.Status'),
    fulfillment_status: from('fulfillment_status', '_order.FulfillmentStatus'),
    total_discounts: from('total_discounts', '_order.TotalDiscounts', 'NUMBER'),
    total_line_items_price: from('total_line_items_price', '_order.TotalItemsPrice', 'NUMBER'),
    total_weight: from('total_weight', '_order.TotalWeight', 'NUMBER'),
  },
  keys: orderKeys,
};

export const shopifyDraftOrder: Template = {
  templateId: 'Shopify-DraftOrder',
  sourceName: 'Shopify',
  sourceObject: 'DraftOrder',
  allowProfileCreation: false,
  fields: {
    ...orderFields(),
    status: from('status', '_order.Status'),
    invoice_url: from('invoice_url', '_order.StatusUrl'),
    completed_at: from('completed_at', '_order.ClosedDate'),
  },
  keys: orderKeys,
};
