// The default country for reading phone numbers written without a country code: the country of the
// domain's AWS region (a domain lives in one region for life, so stored and searched values agree).
import type { CountryCode } from 'libphonenumber-js';

/**
 * Region -> the country its customers most likely dial from. Regions not listed (and any future
 * ones) have no default: only numbers written with a leading `+country code` become E.164 there.
 */
const REGION_COUNTRY: Readonly<Record<string, CountryCode>> = {
  'us-east-1': 'US',
  'us-east-2': 'US',
  'us-west-1': 'US',
  'us-west-2': 'US',
  'us-gov-east-1': 'US',
  'us-gov-west-1': 'US',
  'ca-central-1': 'CA',
  'ca-west-1': 'CA',
  'mx-central-1': 'MX',
  'sa-east-1': 'BR',
  'eu-west-1': 'IE',
  'eu-west-2': 'GB',
  'eu-west-3': 'FR',
  'eu-central-1': 'DE',
  'eu-central-2': 'CH',
  'eu-north-1': 'SE',
  'eu-south-1': 'IT',
  'eu-south-2': 'ES',
  'af-south-1': 'ZA',
  'me-south-1': 'BH',
  'me-central-1': 'AE',
  'il-central-1': 'IL',
  'ap-east-1': 'HK',
  'ap-south-1': 'IN',
  'ap-south-2': 'IN',
  'ap-northeast-1': 'JP',
  'ap-northeast-2': 'KR',
  'ap-northeast-3': 'JP',
  'ap-southeast-1': 'SG',
  'ap-southeast-2': 'AU',
  'ap-southeast-3': 'ID',
  'ap-southeast-4': 'AU',
  'ap-southeast-5': 'MY',
  'ap-southeast-7': 'TH',
  'cn-north-1': 'CN',
  'cn-northwest-1': 'CN',
};

export function defaultCountryForRegion(region: string): CountryCode | undefined {
  return Object.hasOwn(REGION_COUNTRY, region) ? REGION_COUNTRY[region] : undefined;
}
