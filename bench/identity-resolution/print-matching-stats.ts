// Preloaded into the benchmark's server (node --import): prints each matcher run's stats as one line.
import { subscribe } from 'node:diagnostics_channel';

subscribe('openprofiles:matching:stats', (stats) => process.stdout.write(`matching-stats ${JSON.stringify(stats)}\n`));
