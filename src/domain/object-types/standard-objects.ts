// The standard objects a field may target (spec §3.3 "Target"): their names, the identifier that
// links ingested data to them, their system id member (never a valid target) and their members.
// The profile's members come from the model; the others from the published standard-object pages.
import { schema } from '../../generated/schema.js';

export interface StandardObject {
  /** `_profile`, `_asset`, … */
  readonly name: string;
  /** The StandardIdentifier that looks the object up; undefined for the profile (PROFILE keys do that). */
  readonly identifier?: string;
  /** System id member: never a valid target. */
  readonly idMember?: string;
  /** Members with a scalar value. `undefined` when the member list is not published (any non-id member is accepted). */
  readonly members?: ReadonlySet<string>;
  /** Members holding an address-like structure, with their lines. */
  readonly structures: ReadonlyMap<string, ReadonlySet<string>>;
  /** Members that are string maps (`<member>.<any key>`). */
  readonly maps: ReadonlySet<string>;
}

function membersOf(shape: string): string[] {
  const found = schema[shape];
  if (!found || found.kind !== 'structure') throw new Error(`${shape} is not a structure`);
  return Object.keys(found.members);
}

const addressLines = new Set(membersOf('Address'));

function profileObject(): StandardObject {
  const profile = schema['Profile'];
  if (!profile || profile.kind !== 'structure') throw new Error('Profile is not a structure');
  const scalars = new Set<string>(['SourceLastUpdatedTimestamp']);
  const structures = new Map<string, ReadonlySet<string>>();
  for (const [name, member] of Object.entries(profile.members)) {
    if (name === 'ProfileId' || name === 'FoundByItems' || name === 'Attributes') continue;
    if (member.target === 'Address') structures.set(name, addressLines);
    else if (member.target === 'EngagementPreferences') structures.set(name, new Set(membersOf('EngagementPreferences')));
    else scalars.add(name);
  }
  return { name: '_profile', idMember: 'ProfileId', members: scalars, structures, maps: new Set(['Attributes']) };
}

const orderAddressLines = new Set(['Name', ...addressLines]);
const common = ['AdditionalInformation', 'DataSource'];

function published(name: string, identifier: string, idMember: string, members: string[], structures: Array<[string, ReadonlySet<string>]> = []): StandardObject {
  return { name, identifier, idMember, members: new Set([...members, ...common]), structures: new Map(structures), maps: new Set(['Attributes']) };
}

function unpublished(name: string, identifier: string, idMember: string): StandardObject {
  return { name, identifier, idMember, structures: new Map(), maps: new Set(['Attributes']) };
}

export const STANDARD_OBJECTS: ReadonlyMap<string, StandardObject> = new Map(
  [
    profileObject(),
    published('_asset', 'ASSET', 'AssetId', ['AssetName', 'SerialNumber', 'ModelNumber', 'ModelName', 'ProductSKU', 'PurchaseDate', 'UsageEndDate', 'Status', 'Price', 'Quantity', 'Description']),
    published('_case', 'CASE', 'CaseId', ['Title', 'Summary', 'Status', 'Reason', 'CreatedBy', 'CreatedDate', 'UpdatedDate', 'ClosedDate']),
    published(
      '_order',
      'ORDER',
      'OrderId',
      [
        'CustomerEmail', 'CustomerPhone', 'CreatedDate', 'UpdatedDate', 'ProcessedDate', 'ClosedDate', 'CancelledDate', 'CancelReason', 'Name',
        'Gateway', 'Status', 'StatusCode', 'StatusUrl', 'CreditCardNumber', 'CreditCardCompany', 'FulfillmentStatus', 'TotalPrice', 'TotalTax',
        'TotalDiscounts', 'TotalItemsPrice', 'TotalShippingPrice', 'TotalTipReceived', 'Currency', 'TotalWeight', 'OrderItems',
      ],
      [['BillingAddress', orderAddressLines], ['ShippingAddress', orderAddressLines]],
    ),
    unpublished('_communicationRecord', 'COMMUNICATION_RECORD', 'CommunicationRecordId'),
    unpublished('_airPreference', 'AIR_PREFERENCE', 'PreferenceId'),
    unpublished('_hotelPreference', 'HOTEL_PREFERENCE', 'PreferenceId'),
    unpublished('_airBooking', 'AIR_BOOKING', 'BookingId'),
    unpublished('_airSegment', 'AIR_SEGMENT', 'SegmentId'),
    unpublished('_hotelReservation', 'HOTEL_RESERVATION', 'ReservationId'),
    unpublished('_hotelStayRevenue', 'HOTEL_STAY_REVENUE', 'StayRevenueId'),
    unpublished('_loyalty', 'LOYALTY', 'LoyaltyId'),
    unpublished('_loyaltyTransaction', 'LOYALTY_TRANSACTION', 'TransactionId'),
    unpublished('_loyaltyPromotion', 'LOYALTY_PROMOTION', 'PromotionId'),
    unpublished('_device', 'DEVICE', 'DeviceId'),
    unpublished('_webAnalytics', 'WEB_ANALYTICS', 'WebAnalyticsId'),
  ].map((object) => [object.name, object]),
);

export type TargetCheck = { ok: true; object: StandardObject; member: string } | { ok: false; reason: string };

/** Checks that `target` names a real, non-system member of a standard object (rule 8). */
export function checkTarget(target: string): TargetCheck {
  const [objectName, member, line, ...rest] = target.split('.');
  const object = objectName === undefined ? undefined : STANDARD_OBJECTS.get(objectName);
  if (!object || member === undefined || member === '') return { ok: false, reason: `'${target}' does not name a standard object member` };
  if (member === object.idMember || member === 'ImportIds' || member === 'FoundByItems' || member.endsWith('[]')) {
    return { ok: false, reason: `'${target}' is a system member and cannot be a target` };
  }
  if (object.maps.has(member)) {
    return line !== undefined && line !== '' && rest.length === 0 ? { ok: true, object, member } : { ok: false, reason: `'${target}' must name one ${member} entry` };
  }
  const lines = object.structures.get(member);
  if (lines) return line !== undefined && lines.has(line) && rest.length === 0 ? { ok: true, object, member } : { ok: false, reason: `'${target}' is not a line of ${objectName}.${member}` };
  if (line !== undefined) return { ok: false, reason: `'${target}' is not a member of ${objectName}` };
  if (object.members && !object.members.has(member)) return { ok: false, reason: `'${target}' is not a member of ${objectName}` };
  return { ok: true, object, member };
}
