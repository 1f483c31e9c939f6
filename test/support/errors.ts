// Asserts that an SDK call failed with the given service error name, HTTP status and message.
import assert from 'node:assert/strict';

interface ServiceErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export async function rejectsWith(promise: Promise<unknown>, name: string, status: number, message?: RegExp): Promise<ServiceErrorLike> {
  try {
    await promise;
  } catch (error) {
    const e = error as ServiceErrorLike;
    assert.equal(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (message) assert.match(e.message ?? '', message);
    return e;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}
