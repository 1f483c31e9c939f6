// The matcher's worker thread: one request (a domain's records as columns), one reply, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { findMatches } from '../engine.js';
import { fromColumns } from './columns.js';
import { toCompact, transferList, type MatcherReply, type MatcherRequest } from './protocol.js';

const request = workerData as MatcherRequest;
let reply: MatcherReply;
let transfer: ArrayBuffer[] = [];
try {
  const result = toCompact(findMatches(fromColumns(request.records)));
  reply = { ok: true, result };
  transfer = transferList(result);
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply, transfer);
