// Writes any error as restJson1 does: x-amzn-ErrorType header plus {"Message": …} (spec §1.4).
import { ServiceException } from '../../generated/errors.js';
import type { WireResponse } from './to-wire.js';

export function serializeError(error: ServiceException): WireResponse {
  return {
    statusCode: error.statusCode,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.name },
    body: JSON.stringify({ Message: error.message }),
  };
}
