// Reads SourceLastUpdatedTimestamp values (spec §3.3): `EpochMilli`, or a Java SimpleDateFormat pattern
// (letters y M d H h k K m s S a E Z X z and quoted literals). Times without a zone are UTC.

type Part = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; width: number };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function tokenize(pattern: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i]!;
    if (char === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) parts.push({ kind: 'literal', text: "'" });
      else parts.push({ kind: 'literal', text: pattern.slice(i + 1, end < 0 ? pattern.length : end) });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[a-zA-Z]/.test(char)) {
      let width = 1;
      while (pattern[i + width] === char) width++;
      parts.push({ kind: 'field', letter: char, width });
      i += width;
    } else {
      parts.push({ kind: 'literal', text: char });
      i++;
    }
  }
  return parts;
}

function fieldRegex(letter: string, width: number): string {
  switch (letter) {
    case 'y':
      return width === 2 ? '(\\d{2})' : '(\\d{4})';
    case 'M':
      return width >= 3 ? '([A-Za-z]+)' : width === 2 ? '(\\d{2})' : '(\\d{1,2})';
    case 'S':
      return '(\\d{1,9})';
    case 'a':
      return '([AaPp][Mm])';
    case 'E':
      return '([A-Za-z]+)';
    case 'Z':
    case 'X':
    case 'z':
      return '(Z|[+-]\\d{2}(?::?\\d{2})?|[A-Z]{3})';
    default:
      return width === 2 ? '(\\d{2})' : '(\\d{1,2})';
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

export class SourceTimestampFormat {
  private readonly parts: Part[];
  private readonly regex: RegExp;

  constructor(readonly pattern: string) {
    this.parts = pattern === 'EpochMilli' ? [] : tokenize(pattern);
    const source = this.parts.map((part) => (part.kind === 'literal' ? escape(part.text) : fieldRegex(part.letter, part.width))).join('');
    this.regex = new RegExp(`^${source}$`);
  }

  /** The instant `value` names, or undefined when it does not follow the format. */
  parse(value: string): Date | undefined {
    const text = value.trim();
    if (this.pattern === 'EpochMilli') return /^-?\d+$/.test(text) ? new Date(Number(text)) : undefined;
    const match = this.regex.exec(text);
    if (!match) return undefined;
    let year = 1970, month = 0, day = 1, hour = 0, minute = 0, second = 0, millis = 0, pm: boolean | undefined, offset = 0;
    let group = 1;
    for (const part of this.parts) {
      if (part.kind === 'literal') continue;
      const raw = match[group++]!;
      switch (part.letter) {
        case 'y': year = part.width === 2 ? 2000 + Number(raw) : Number(raw); break;
        case 'M': {
          month = part.width >= 3 ? MONTHS.indexOf(raw.slice(0, 3).toLowerCase()) : Number(raw) - 1;
          if (month < 0) return undefined;
          break;
        }
        case 'd': day = Number(raw); break;
        case 'H': case 'k': hour = Number(raw) % 24; break;
        case 'h': case 'K': hour = Number(raw) % 12; break;
        case 'm': minute = Number(raw); break;
        case 's': second = Number(raw); break;
        case 'S': millis = Number(raw.padEnd(3, '0').slice(0, 3)); break;
        case 'a': pm = raw.toLowerCase() === 'pm'; break;
        case 'Z': case 'X': case 'z': {
          const minutes = offsetMinutes(raw);
          if (minutes === undefined) return undefined;
          offset = minutes;
          break;
        }
        default: break;
      }
    }
    if (pm) hour += 12;
    const utc = Date.UTC(year, month, day, hour, minute, second, millis) - offset * 60_000;
    const date = new Date(utc);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
}
