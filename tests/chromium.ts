/** The system Chromium for browser tests: the same lookup the CLI's `brief` command uses. */
export * from '../src/cli/chromium';
