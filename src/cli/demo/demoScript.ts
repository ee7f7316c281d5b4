import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutdialError } from '../../core/errors.js';

/** The example script the demo's job group runs (shipped in the package beside dist/). */
export const DEMO_SCRIPT = 'debt-reminder.en.yaml';

/** The demo script's text, found from this module upwards: src/cli/demo in the source tree, dist/src/cli/demo built. */
export async function readDemoScript(): Promise<{ path: string; source: string }> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const path = join(dir, 'examples', 'scripts', DEMO_SCRIPT);
    if (existsSync(path)) return { path, source: await readFile(path, 'utf8') };
    dir = dirname(dir);
  }
  throw new OutdialError(
    'INTERNAL',
    `the demo script examples/scripts/${DEMO_SCRIPT} is missing from the installation`,
  );
}
