// A seeded generator of synthetic people with known duplicates, for the identity-resolution benchmark and
// tests: realistic names (skewed, with nicknames), e-mails, phones, addresses and birth dates; about a
// quarter of the people appear more than once, each copy with a few of the damages real data shows
// (typos, nicknames, first and last name swapped, missing or changed values, other formatting).
import { seededRandom } from '../../src/matching/random.js';
import type { ProfileFields } from '../../src/domain/profiles/profile.js';

export interface SyntheticProfile {
  /** The true person: profiles with equal entity are duplicates. */
  readonly entity: number;
  readonly fields: ProfileFields;
}

const FIRST_NAMES = `james mary robert patricia john jennifer michael linda william elizabeth david barbara richard susan joseph jessica
thomas sarah charles karen christopher nancy daniel lisa matthew margaret anthony betty mark sandra donald ashley steven kimberly
paul emily andrew donna joshua michelle kenneth carol kevin amanda brian melissa george deborah timothy stephanie ronald rebecca
edward laura jason sharon jeffrey cynthia ryan kathleen jacob amy gary shirley nicholas angela eric helen jonathan anna stephen
brenda larry pamela justin nicole scott samantha brandon katherine benjamin emma samuel ruth gregory christine alexander catherine
frank debra patrick rachel raymond carolyn jack janet dennis virginia jerry maria tyler heather aaron diane jose julie adam joyce
nathan victoria henry kelly douglas christina zachary lauren peter joan kyle evelyn ethan olivia walter judith noah megan jeremy
cheryl christian martha keith andrea roger frances terry hannah gerald jacqueline harold ann sean gloria austin jean carl kathryn
arthur alice lawrence teresa dylan sara jesse janice jordan doris bryan madison billy julia joe grace bruce judy gabriel abigail
logan marie albert denise willie beverly alan amber juan theresa wayne marilyn elijah danielle randy diana roy brittany vincent
natalie ralph sophia eugene rose russell isabella bobby alexis mason kayla philip charlotte louis wei mei aisha fatima omar yusuf
priya raj ananya arjun chen li hiroshi yuki kenji sakura carlos sofia diego lucia mateo valentina ahmed layla ivan olga sven ingrid`
  .split(/\s+/);

const COMMON_SURNAMES = `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson
thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright
scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz
parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly
howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders
patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher
vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant herrera
gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells
vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason dixon
munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels`
  .split(/\s+/);

// Syllables composing the long tail of rarer surnames (a few thousand distinct ones).
const HEADS = 'ash bel cal dar el fen gal har is jen kel lam mar nor os pem quin ros sal tor ul van wes yar zel brad crom dun fal gor hol'.split(' ');
const MIDS = ['', 'an', 'er', 'in', 'ow', 'el', 'ar', 'is', 'om', 'ud'];
const TAILS = 'ford ton by well more wick ley son man stein berg ski ov ez ini ard ham worth field land'.split(' ');

const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  robert: ['bob', 'rob', 'bobby'], william: ['bill', 'will'], richard: ['rick', 'rich'], james: ['jim', 'jimmy'], john: ['jack', 'johnny'],
  michael: ['mike'], elizabeth: ['liz', 'beth'], margaret: ['maggie', 'peggy'], katherine: ['kate', 'katie'], thomas: ['tom', 'tommy'],
  charles: ['charlie'], joseph: ['joe'], daniel: ['dan', 'danny'], matthew: ['matt'], anthony: ['tony'], christopher: ['chris'],
  nicholas: ['nick'], jennifer: ['jen', 'jenny'], patricia: ['pat', 'trish'], susan: ['sue'], rebecca: ['becky'], steven: ['steve'],
  andrew: ['andy', 'drew'], benjamin: ['ben'], samuel: ['sam'], alexander: ['alex'], jonathan: ['jon'], timothy: ['tim'],
};

const STREETS = `main oak pine maple cedar elm washington lake hill park walnut spruce birch willow sunset ridge river church
highland mill forest jackson lincoln madison franklin adams jefferson chestnut dogwood magnolia laurel meadow valley spring prospect
union center north south east west market water school cherry hickory poplar sycamore aspen juniper orchard`.split(/\s+/);
const STREET_TYPES: readonly (readonly [string, string])[] = [['Street', 'St'], ['Avenue', 'Ave'], ['Road', 'Rd'], ['Drive', 'Dr'], ['Lane', 'Ln'], ['Court', 'Ct'], ['Place', 'Pl'], ['Boulevard', 'Blvd']];
const STATES = ['WA', 'OR', 'CA', 'TX', 'NY', 'FL', 'IL', 'PA', 'OH', 'GA', 'NC', 'MI', 'NJ', 'VA', 'AZ', 'MA', 'TN', 'IN', 'MO', 'MD'];
const CITY_WORDS = 'spring green fair oak river lake mount glen ash brook clear high maple pine rock silver stone sun west north'.split(' ');
const CITY_TAILS = 'field ville ton wood dale view port burg haven side'.split(' ');
const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'proton.me', 'example.com'];

type Random = () => number;

/** Index with a Zipf-like skew (weight 1/(rank+10)): a few values are common, most are rare. */
function skewedIndex(random: Random, size: number): number {
  const h = Math.log((size + 10) / 10);
  return Math.min(size - 1, Math.floor(10 * Math.exp(random() * h) - 10));
}

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const digits = (random: Random, count: number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

function surname(random: Random): string {
  if (random() < 0.45) return COMMON_SURNAMES[skewedIndex(random, COMMON_SURNAMES.length)] ?? 'smith';
  return pick(random, HEADS) + pick(random, MIDS) + pick(random, TAILS);
}

interface City {
  readonly name: string;
  readonly state: string;
  readonly postcode: number;
}

function cities(random: Random): City[] {
  const list: City[] = [];
  for (const word of CITY_WORDS) for (const tail of CITY_TAILS) list.push({ name: capitalized(word + tail), state: pick(random, STATES), postcode: 10_000 + Math.floor(random() * 89_000) });
  return list;
}

interface Person {
  first: string;
  middle?: string;
  last: string;
  birth: [number, number, number];
  email?: string;
  phone?: string;
  street?: string;
  streetType?: readonly [string, string];
  houseNumber?: number;
  unit?: number;
  city: City;
  postcode: string;
  account?: string;
}

function person(random: Random, places: readonly City[]): Person {
  const first = FIRST_NAMES[skewedIndex(random, FIRST_NAMES.length)] ?? 'john';
  const last = surname(random);
  const city = places[skewedIndex(random, places.length)] ?? places[0]!;
  const emailStyle = random();
  const local = emailStyle < 0.4 ? `${first}.${last}` : emailStyle < 0.7 ? `${first[0]}${last}${Math.floor(random() * 100)}` : `${first}${last[0]}${Math.floor(random() * 1000)}`;
  return {
    first,
    middle: random() < 0.3 ? pick(random, FIRST_NAMES) : undefined,
    last,
    birth: [1940 + Math.floor(random() * 66), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)],
    email: random() < 0.85 ? `${local}@${pick(random, EMAIL_DOMAINS)}` : undefined,
    phone: random() < 0.8 ? `${2 + Math.floor(random() * 8)}${digits(random, 2)}${2 + Math.floor(random() * 8)}${digits(random, 6)}` : undefined,
    street: random() < 0.85 ? pick(random, STREETS) : undefined,
    streetType: pick(random, STREET_TYPES),
    houseNumber: 1 + Math.floor(random() * 9_999),
    unit: random() < 0.2 ? 1 + Math.floor(random() * 400) : undefined,
    city,
    postcode: String(city.postcode + Math.floor(random() * 20)).padStart(5, '0'),
    account: random() < 0.3 ? digits(random, 10) : undefined,
  };
}

/** One typo: a letter replaced, dropped, doubled or swapped with its neighbour. */
function typo(random: Random, text: string): string {
  if (text.length < 3) return text;
  const at = 1 + Math.floor(random() * (text.length - 2));
  const kind = random();
  if (kind < 0.3) return text.slice(0, at) + String.fromCharCode(97 + Math.floor(random() * 26)) + text.slice(at + 1);
  if (kind < 0.55) return text.slice(0, at) + text.slice(at + 1);
  if (kind < 0.75) return text.slice(0, at) + text[at] + text.slice(at);
  return text.slice(0, at - 1) + text[at] + text[at - 1] + text.slice(at + 1);
}

/** A duplicate: two or three damages, each from the list real data shows. */
function damaged(random: Random, original: Person): Person {
  const copy: Person = { ...original, birth: [...original.birth] };
  const damages = 2 + Math.floor(random() * 2);
  for (let d = 0; d < damages; d++) {
    const kind = Math.floor(random() * 12);
    if (kind === 0) copy.first = typo(random, copy.first);
    else if (kind === 1) copy.last = typo(random, copy.last);
    else if (kind === 2) copy.first = NICKNAMES[copy.first] ? pick(random, NICKNAMES[copy.first]!) : typo(random, copy.first);
    else if (kind === 3) [copy.first, copy.last] = [copy.last, copy.first];
    else if (kind === 4) copy.email = random() < 0.5 ? undefined : copy.email && typo(random, copy.email);
    else if (kind === 5) copy.phone = random() < 0.5 ? undefined : copy.phone && typo(random, copy.phone);
    else if (kind === 6) copy.street = undefined;
    else if (kind === 7) copy.birth = random() < 0.5 ? [copy.birth[0], copy.birth[2], copy.birth[1]] : [copy.birth[0] + (random() < 0.5 ? 1 : -1), copy.birth[1], copy.birth[2]];
    else if (kind === 8) copy.middle = undefined;
    else if (kind === 9) copy.houseNumber = 1 + Math.floor(random() * 9_999); // moved within the city
    else if (kind === 10) copy.account = undefined;
    else copy.email = undefined;
  }
  return copy;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** As a form would store it; the duplicates also vary case, phone and address formatting. */
function toFields(random: Random, p: Person, variant: boolean): ProfileFields {
  const fields: Record<string, unknown> = {
    firstName: capitalized(p.first),
    lastName: variant && random() < 0.2 ? p.last.toUpperCase() : capitalized(p.last),
    birthDate: `${p.birth[0]}-${pad(p.birth[1])}-${pad(p.birth[2])}`,
  };
  if (p.middle) fields['middleName'] = capitalized(p.middle);
  if (p.email) fields['emailAddress'] = variant && random() < 0.3 ? p.email.toUpperCase() : p.email;
  if (p.phone) fields['phoneNumber'] = variant && random() < 0.5 ? `(${p.phone.slice(0, 3)}) ${p.phone.slice(3, 6)}-${p.phone.slice(6)}` : `+1${p.phone}`;
  if (p.account) fields['accountNumber'] = p.account;
  const type = p.streetType ?? ['Street', 'St'];
  const street = p.street ? `${p.houseNumber} ${capitalized(p.street)} ${variant && random() < 0.5 ? type[1] : type[0]}` : undefined;
  fields['address'] = {
    ...(street ? { address1: street } : {}),
    ...(street && p.unit ? { address2: variant && random() < 0.5 ? `#${p.unit}` : `Apt ${p.unit}` } : {}),
    city: p.city.name,
    state: p.city.state,
    postalCode: p.postcode,
  };
  return fields as ProfileFields;
}

/**
 * `count` profiles from `seed`, in a shuffled order: about 22% of the people have one to three duplicates.
 * Generated lazily, so a million profiles never sit in memory at once.
 */
export function* syntheticProfiles(count: number, seed = 1_000_003): Generator<SyntheticProfile> {
  const random = seededRandom(seed);
  const places = cities(random);
  let produced = 0;
  let entity = 0;
  while (produced < count) {
    // Copies of one person are emitted together; order does not matter to a matcher, which blocks by value.
    const original = person(random, places);
    const copies = random() < 0.22 ? 1 + Math.floor(random() * 3) : 0;
    yield { entity, fields: toFields(random, original, false) };
    produced++;
    for (let c = 0; c < copies && produced < count; c++, produced++) yield { entity, fields: toFields(random, damaged(random, original), true) };
    entity++;
  }
}
