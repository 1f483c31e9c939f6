// Sends a dead letter to the domain's DeadLetterQueueUrl when that is an SQS queue URL (spec §3.4 step 5.3),
// with the official SQS client. Enqueued in the transaction that keeps the dead letter, so a crash between
// the two cannot lose it; the runner retries a failed send with backoff. The queue must still be one this
// server may send to, signed with the account's own SQS connector profile (domain/outbound/sqs-access.ts):
// without one (deleted since), the send fails with that reason and is never signed with other keys.
import { createHash } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SqsAccessResolver } from '../../domain/outbound/sqs-access.js';
import { parseQueueUrl } from '../../domain/outbound/sqs-access.js';
import type { Repositories, Scope, Store } from '../../storage/ports.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';

export const SEND_DEAD_LETTER = 'send-dead-letter';

/** Has the shape of an SQS queue URL (`<origin>/<12-digit account>/<queue>`): dead letters are then sent there. */
export function isSqsQueueUrl(url: string): boolean {
  return parseQueueUrl(url) !== undefined;
}

interface Payload {
  readonly domainName: string;
  readonly deadLetterId: string;
  readonly queueUrl: string;
}

export function scheduleDeadLetterSend(jobs: Repositories['jobs'], scope: Scope, payload: Payload, now: Date): Promise<string> {
  return enqueueJob(jobs, scope, { kind: SEND_DEAD_LETTER, payload: { ...payload }, runAt: now, now });
}

export function sendDeadLetterHandler(store: Store, sqs: SqsAccessResolver): JobHandler {
  return async ({ job, scope }) => {
    const { domainName, deadLetterId, queueUrl } = job.payload as unknown as Payload;
    const letter = await store.deadLetters.get(scope, domainName, deadLetterId);
    if (!letter) return; // the domain (and its dead letters) went away
    const access = await sqs.resolve(scope, queueUrl);
    const body = JSON.stringify({
      DomainName: domainName,
      ObjectTypeName: letter.objectTypeName,
      Reason: letter.reason,
      CreatedAt: letter.createdAt.toISOString(),
      Object: letter.object,
    });
    const fifo = queueUrl.endsWith('.fifo');
    const id = createHash('sha256').update(`${domainName}\u0000${deadLetterId}`).digest('hex').slice(0, 64);
    const client = new SQSClient({
      region: access.region,
      endpoint: access.endpoint,
      credentials: access.credentials,
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
    try {
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, ...(fifo ? { MessageGroupId: domainName, MessageDeduplicationId: id } : {}) }));
    } finally {
      client.destroy();
    }
  };
}
