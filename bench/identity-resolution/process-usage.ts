// Peak resident memory and CPU time of another process, from /proc (Linux).
import { readFileSync } from 'node:fs';

/** VmHWM: the highest resident set size the process (all its threads) has had, in bytes. */
export function peakRssBytes(pid: number): number {
  const found = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(found?.[1] ?? 0) * 1024;
}

/** User plus system CPU seconds the process has used so far (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
