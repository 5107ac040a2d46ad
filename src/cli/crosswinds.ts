/** Entry point of `npm run crosswinds`. */
import { main } from './main';
import { brief, BriefError, BRIEF_USAGE } from './brief';

const [command, ...rest] = process.argv.slice(2);
if (command === 'brief') {
  brief(rest).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (!(error instanceof BriefError)) throw error;
      console.error(
        `crosswinds: ${error.message}${error.code === 2 ? `\nusage:\n${BRIEF_USAGE}` : ''}`
      );
      process.exitCode = error.code;
    }
  );
} else {
  process.exitCode = main(process.argv.slice(2));
}
