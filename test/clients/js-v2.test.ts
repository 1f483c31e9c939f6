// Client matrix, AWS SDK for JavaScript v2 (npm aws-sdk 2.x): the shared scenario run by node as a child process.
import { join } from 'node:path';
import { describeLeg, repoRoot, runScenarioProgram } from './scenario.js';

const PROGRAM = join(repoRoot(), 'test', 'clients', 'js-v2', 'scenario.mjs');

describeLeg({
  title: 'AWS SDK for JavaScript v2',
  leg: 'js-v2',
  clientName: 'aws-sdk-js',
  run: (env) => runScenarioProgram(process.execPath, [PROGRAM], { ...env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' }),
});
