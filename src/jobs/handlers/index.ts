// Every job kind the runner knows, with its handler.
import type { Store } from '../../storage/ports.js';
import type { Clock } from '../../domain/clock.js';
import type { JobHandler } from '../runner.js';
import { EXPIRE_DOMAIN, expireDomainHandler } from './expire-domain.js';
import { SEND_DEAD_LETTER, sendDeadLetterHandler } from './send-dead-letter.js';
import { SCHEDULED_MATCHING, scheduledMatchingHandler } from './scheduled-matching.js';
import { IDENTITY_RESOLUTION, identityResolutionHandler, type IdentityResolutionOptions } from './identity-resolution.js';

export function jobHandlers(store: Store, clock: Clock, options: IdentityResolutionOptions = {}): Record<string, JobHandler> {
  return {
    [EXPIRE_DOMAIN]: expireDomainHandler(store, clock),
    [SEND_DEAD_LETTER]: sendDeadLetterHandler(store),
    [IDENTITY_RESOLUTION]: identityResolutionHandler(store, clock, options),
    [SCHEDULED_MATCHING]: scheduledMatchingHandler(store, clock),
  };
}
