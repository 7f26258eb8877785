/**
 * The server under load: what `hearth serve` runs (migrate, then serve), started without the rest
 * of the command line, in its own process.
 */
import { serve } from '../src/cli/serve.js';
import { readConfig } from '../src/platform/config.js';

await serve(readConfig());
