// Lowers the scheduling priority of the calling thread alone (Linux: a thread's id is a valid target
// of setpriority). A matcher thread then yields the CPU to the thread answering requests whenever both
// want it, and still takes every cycle that is left over. Elsewhere it does nothing.
import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

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

/**
 * Runs `work` with every other thread of the process but the main one (V8's helper threads, which collect
 * a matcher thread's heap, among them) at `niceness`, then gives each back the priority it had — where
 * the system lets a process raise a priority again; elsewhere they stay lowered.
 */
export async function withHelperThreadsLowered<T>(work: () => Promise<T>, niceness = MATCHER_NICENESS): Promise<T> {
  const lowered = new Map<number, number>();
  try {
    for (const entry of readdirSync('/proc/self/task')) {
      const threadId = Number(entry);
      if (!Number.isInteger(threadId) || threadId === process.pid) continue;
      const before = getPriority(threadId);
      if (before >= niceness) continue;
      setPriority(threadId, niceness);
      lowered.set(threadId, before);
    }
  } catch {
    // not Linux, or a thread that ended meanwhile: leave the rest as they are
  }
  try {
    return await work();
  } finally {
    for (const [threadId, before] of lowered) {
      try {
        setPriority(threadId, before);
      } catch {
        // raising a priority needs CAP_SYS_NICE; without it the thread stays at `niceness`
      }
    }
  }
}
