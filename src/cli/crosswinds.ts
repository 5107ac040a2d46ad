/** Entry point of `npm run crosswinds`. */
import { main } from './main';

process.exitCode = main(process.argv.slice(2));
