// Client matrix, boto3 (Debian's python3-boto3): the shared scenario run by /usr/bin/python3 as a child process.
import { join } from 'node:path';
import { describeLeg, repoRoot, runScenarioProgram } from './scenario.js';

const PROGRAM = join(repoRoot(), 'test', 'clients', 'boto3', 'scenario.py');
/** The Python that has boto3: Debian's, not whatever python3 comes first on PATH. */
const PYTHON = process.env['OPENPROFILES_TEST_PYTHON'] || '/usr/bin/python3';
const skip = process.env['OPENPROFILES_TEST_NO_BOTO3'] === '1' ? `boto3 is not importable by ${PYTHON} (Debian: apt-get install python3-boto3)` : undefined;

describeLeg({ title: 'boto3', leg: 'boto3', clientName: 'boto3', ...(skip && { skip }), run: (env) => runScenarioProgram(PYTHON, [PROGRAM], env) });
