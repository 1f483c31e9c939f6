// Sends a dead letter to the domain's DeadLetterQueueUrl when that is an SQS queue URL (spec §3.4 step 5.3),
// with the official SQS client. Enqueued in the transaction that keeps the dead letter, so a crash between
// the two cannot lose it; the runner retries a failed send with backoff.
import { createHash } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Repositories, Scope, Store } from '../../storage/ports.js';
import type { JobHandler } from '../runner.js';
import { enqueueJob } from '../runner.js';

export const SEND_DEAD_LETTER = 'send-dead-letter';

/** `https://sqs.<region>.amazonaws.com/<account>/<queue>` or any host serving that path shape (ElasticMQ, LocalStack). */
const QUEUE_URL = /^https?:\/\/[^/]+\/\d{12}\/[A-Za-z0-9_-]{1,80}(\.fifo)?$/;

export function isSqsQueueUrl(url: string): boolean {
  return QUEUE_URL.test(url);
}

interface Payload {
  readonly domainName: string;
  readonly deadLetterId: string;
  readonly queueUrl: string;
}

export function scheduleDeadLetterSend(jobs: Repositories['jobs'], scope: Scope, payload: Payload, now: Date): Promise<string> {
  return enqueueJob(jobs, scope, { kind: SEND_DEAD_LETTER, payload: { ...payload }, runAt: now, now });
}

/** The region an SQS URL names (`sqs.<region>.amazonaws.com`), else the dead letter's own region. */
function regionOf(queueUrl: string, fallback: string): string {
  return /^https?:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//.exec(queueUrl)?.[1] ?? fallback;
}

/** Credentials come from the server's environment (the AWS default chain), as for any AWS SDK client. */
export function sendDeadLetterHandler(store: Store): JobHandler {
  const clients = new Map<string, SQSClient>();
  const clientFor = (queueUrl: string, region: string): SQSClient => {
    const endpoint = new URL(queueUrl).origin;
    const key = `${endpoint} ${region}`;
    let client = clients.get(key);
    if (!client) {
      client = new SQSClient({ region, endpoint, maxAttempts: 1 });
      clients.set(key, client);
    }
    return client;
  };
  return async ({ job, scope }) => {
    const { domainName, deadLetterId, queueUrl } = job.payload as unknown as Payload;
    const letter = await store.deadLetters.get(scope, domainName, deadLetterId);
    if (!letter) return; // the domain (and its dead letters) went away
    const body = JSON.stringify({
      DomainName: domainName,
      ObjectTypeName: letter.objectTypeName,
      Reason: letter.reason,
      CreatedAt: letter.createdAt.toISOString(),
      Object: letter.object,
    });
    const fifo = queueUrl.endsWith('.fifo');
    const id = createHash('sha256').update(`${domainName}\u0000${deadLetterId}`).digest('hex').slice(0, 64);
    await clientFor(queueUrl, regionOf(queueUrl, scope.region)).send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, ...(fifo ? { MessageGroupId: domainName, MessageDeduplicationId: id } : {}) }),
    );
  };
}
