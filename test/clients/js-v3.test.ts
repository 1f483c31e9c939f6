// Client matrix, AWS SDK for JavaScript v3: the shared scenario in-process, through the counting proxy.
import { runJsV3Scenario } from './js-v3/scenario.js';
import { describeLeg } from './scenario.js';

describeLeg({ title: 'AWS SDK for JavaScript v3', leg: 'js-v3', clientName: 'aws-sdk-js-v3', run: runJsV3Scenario });
