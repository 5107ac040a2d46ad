import { accessSync, constants } from 'node:fs';

/** Where Debian and Ubuntu's `chromium` package puts its launcher. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium running as root on a machine without network access.
 * The background-networking switches stop Chromium from phoning home (component updates,
 * sync, QUIC probes), which otherwise floods the log with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/**
 * Returns the path of the system Chromium: `$CHROMIUM_PATH` if set, else /usr/bin/chromium.
 * Throws an Error that says how to install one when nothing executable is there; we never
 * let Playwright download its own browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  const path = fromEnv ? fromEnv : DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    const where = fromEnv
      ? `CHROMIUM_PATH is set to "${fromEnv}", but no executable is there.`
      : `No Chromium found at ${DEFAULT_CHROMIUM_PATH}.`;
    throw new Error(
      `${where}\n` +
        'Browser tests and screenshots use the system Chromium (Playwright never downloads one).\n' +
        'Install it with `apt-get install chromium` on Debian/Ubuntu (prefix sudo if not root),\n' +
        'or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.'
    );
  }
}
