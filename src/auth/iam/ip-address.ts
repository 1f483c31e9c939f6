// IPv4/IPv6 addresses and CIDR blocks for IpAddress / NotIpAddress (spec §5.3).

/** An address as 16 bytes; IPv4 (and IPv4-mapped IPv6) is held as ::ffff:a.b.c.d with `v4` set. */
export interface IpAddress {
  readonly v4: boolean;
  readonly bytes: Uint8Array;
}

export interface CidrBlock extends IpAddress {
  /** Prefix length counted over the 16 bytes (an IPv4 /24 is 96 + 24). */
  readonly bits: number;
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * Parses an address; a zone suffix (`%eth0`) is ignored. IPv4-mapped IPv6 (`::ffff:1.2.3.4`, which
 * Node reports for IPv4 clients on dual-stack sockets) counts as the IPv4 address.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const zone = text.indexOf('%');
  const address = zone >= 0 ? text.slice(0, zone) : text;
  if (!address.includes(':')) return parseV4Address(address);
  const bytes = parseV6(address);
  if (!bytes) return undefined;
  return { v4: V4_MAPPED_PREFIX.every((b, i) => bytes[i] === b), bytes };
}

/** Parses `a.b.c.d/n` or `x::y/n`; a bare address is one host (/32, /128; T03). */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash >= 0 ? text.slice(0, slash) : text);
  if (!address || text.includes('%')) return undefined;
  // The notation decides how the prefix length counts: IPv4 over 32 bits, IPv6 over 128.
  const dotted = !text.slice(0, slash >= 0 ? slash : undefined).includes(':');
  const max = dotted ? 32 : 128;
  const lengthText = slash >= 0 ? text.slice(slash + 1) : String(max);
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > max) return undefined;
  const bits = Number(lengthText) + (dotted ? 96 : 0);
  return { v4: address.v4 && bits >= 96, bytes: address.bytes, bits };
}

/** Same family and the first `bits` bits equal. */
export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  if (block.v4 !== address.v4) return false;
  const whole = block.bits >> 3;
  for (let i = 0; i < whole; i++) if (block.bytes[i] !== address.bytes[i]) return false;
  const rest = block.bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((block.bytes[whole] as number) & mask) === ((address.bytes[whole] as number) & mask);
}

/** IPv4 on the request path without intermediate arrays: runs for every IpAddress condition evaluated. */
function parseV4Address(text: string): IpAddress | undefined {
  const bytes = new Uint8Array(16);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  let octet = 0;
  let digits = 0;
  let index = 12;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 0x2e; /* a final '.' closes the last octet */
    if (ch >= 0x30 && ch <= 0x39 && digits < 3) {
      octet = octet * 10 + (ch - 0x30);
      digits++;
    } else if (ch === 0x2e && digits > 0 && octet <= 255 && index < 16) {
      bytes[index++] = octet;
      octet = 0;
      digits = 0;
    } else return undefined;
  }
  return index === 16 ? { v4: true, bytes } : undefined;
}

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function parseV6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** 16-bit groups of one side of `::`; a trailing dotted IPv4 counts as two groups. */
function groups(side: string): number[] | undefined {
  if (side === '') return [];
  const out: number[] = [];
  const parts = side.split(':');
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseV4(part);
      if (!v4) return undefined;
      out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
    } else if (/^[0-9a-f]{1,4}$/i.test(part)) out.push(parseInt(part, 16));
    else return undefined;
  }
  return out;
}
