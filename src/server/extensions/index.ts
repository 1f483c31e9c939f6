// Every extension route the server answers.
import type { ExtensionRoute } from './extension-route.js';
import { putIntegrationEventsRoute } from './put-integration-events.js';
import { startIdentityResolutionJobRoute } from './start-identity-resolution-job.js';

export const extensionRoutes: readonly ExtensionRoute[] = [startIdentityResolutionJobRoute, putIntegrationEventsRoute];
