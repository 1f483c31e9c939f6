// ScheduleExpression of a Scheduled trigger: `rate(N minutes|hours|days)` (with or without the space, as
// AppFlow writes it) or a six-field EventBridge `cron(min hour day-of-month month day-of-week year)`,
// evaluated in UTC. nextFire(after) is the first firing strictly after `after`.
const MINUTE = 60_000;

export interface Schedule {
  nextFire(after: Date): Date;
}

const UNITS: Record<string, number> = { minute: MINUTE, minutes: MINUTE, hour: 60 * MINUTE, hours: 60 * MINUTE, day: 1440 * MINUTE, days: 1440 * MINUTE };

/** Undefined when the expression is neither a rate nor a cron expression we can evaluate. */
export function parseSchedule(expression: string, anchor: Date): Schedule | undefined {
  const rate = /^rate\(\s*(\d+)\s*([a-z]+)\s*\)$/i.exec(expression.trim());
  if (rate) {
    const unit = UNITS[rate[2]!.toLowerCase()];
    const every = Number(rate[1]) * (unit ?? 0);
    if (!unit || every <= 0) return undefined;
    // Firings fall on anchor + k·every, so a restart does not shift the schedule.
    return { nextFire: (after) => new Date(anchor.getTime() + (Math.floor((after.getTime() - anchor.getTime()) / every) + 1) * every) };
  }
  const cron = /^cron\((.*)\)$/i.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const matchers = [
    field(fields[0]!, 0, 59),
    field(fields[1]!, 0, 23),
    field(fields[2]!, 1, 31),
    field(fields[3]!, 1, 12, ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']),
    field(fields[4]!, 1, 7, ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']),
    field(fields[5]!, 1970, 2199),
  ];
  if (matchers.some((matcher) => matcher === undefined)) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = matchers as Array<(value: number) => boolean>;
  return {
    nextFire: (after) => {
      let at = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
      const limit = at + 5 * 366 * 1440 * MINUTE;
      for (; at < limit; at += MINUTE) {
        const d = new Date(at);
        if (minute!(d.getUTCMinutes()) && hour!(d.getUTCHours()) && dayOfMonth!(d.getUTCDate()) && month!(d.getUTCMonth() + 1) && dayOfWeek!(d.getUTCDay() + 1) && year!(d.getUTCFullYear())) return d;
      }
      return new Date(8.64e15);
    },
  };
}

function field(text: string, min: number, max: number, names: readonly string[] = []): ((value: number) => boolean) | undefined {
  if (text === '*' || text === '?') return () => true;
  const value = (token: string) => {
    const named = names.indexOf(token.toUpperCase());
    const number = named >= 0 ? named + min : Number(token);
    return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
  };
  const allowed = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || range === undefined) return undefined;
    const [lowText, highText] = range === '*' ? [String(min), String(max)] : range.split('-');
    const low = value(lowText!);
    const high = highText === undefined ? (stepText === undefined ? low : max) : value(highText);
    if (low === undefined || high === undefined || high < low) return undefined;
    for (let v = low; v <= high; v += step) allowed.add(v);
  }
  return (v) => allowed.has(v);
}
