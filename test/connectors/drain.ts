// Pulls every page of one request from a connector, following its cursor.
import type { Connector, PullPage, PullRequest } from '../../src/connectors/connector.js';

export interface Drained {
  readonly records: Array<Readonly<Record<string, unknown>>>;
  readonly pages: PullPage[];
  readonly watermark?: Date;
}

export async function drain(connector: Connector, request: Omit<PullRequest, 'cursor'>): Promise<Drained> {
  const pages: PullPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await connector.pull({ ...request, cursor });
    pages.push(page);
    cursor = page.cursor;
    if (pages.length > 1000) throw new Error('the connector never stops paging');
  } while (cursor !== undefined);
  const marks = pages.map((page) => page.watermark).filter((mark): mark is Date => mark !== undefined);
  const watermark = marks.length === 0 ? undefined : new Date(Math.max(...marks.map((mark) => mark.getTime())));
  return { records: pages.flatMap((page) => page.records), pages, watermark };
}

/** Resolves with the ConnectorError a pull is rejected with. */
export async function pullError(run: () => Promise<unknown>): Promise<import('../../src/connectors/connector.js').ConnectorError> {
  const { ConnectorError } = await import('../../src/connectors/connector.js');
  try {
    await run();
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected the pull to fail');
}
