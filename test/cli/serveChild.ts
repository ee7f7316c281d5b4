/** `outdial` from source, for tests that run the CLI as a real process: `node --import tsx serveChild.ts serve …`. */
import { main } from '../../src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
