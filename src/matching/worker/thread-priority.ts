// Lowers the scheduling priority of the calling thread alone (Linux: a thread's id is a valid target
// of setpriority). A matcher thread then yields the CPU to the thread answering requests whenever both
// want it, and still takes every cycle that is left over. Elsewhere it does nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export const MATCHER_NICENESS = 10;

/** The niceness now in effect for this thread, or undefined where threads cannot be told apart. */
export function lowerThisThreadsPriority(niceness = MATCHER_NICENESS): number | undefined {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return undefined;
    setPriority(threadId, niceness);
    return niceness;
  } catch {
    return undefined;
  }
}
