import { existsSync } from 'node:fs';

/** Why the PostgreSQL runs are skipped: printed once per jest run, and in each skipped suite's title. */
export const PG_SKIP_REASON =
  'skipped: CLASS_VIEWS_PG_URL is not set (start a server with eval "$(bash .ci/postgres.sh start)")';

/** Debian's Chromium, which `.ci/run` installs, for the browser tests; `CLASS_VIEWS_CHROMIUM` names another. */
export const CHROMIUM =
  process.env.CLASS_VIEWS_CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));

/** Why the browser suites are skipped, or `undefined` when they run. */
export const BROWSER_SKIP_REASON = CHROMIUM
  ? undefined
  : 'skipped: no Chromium (apt-get install chromium, or set CLASS_VIEWS_CHROMIUM)';

/** Jest's global setup: say once per run that the PostgreSQL or browser suites are skipped, and why. */
export default function globalSetup(): void {
  if (!process.env.CLASS_VIEWS_PG_URL) console.log(`\nPostgreSQL runs ${PG_SKIP_REASON}.`);
  if (BROWSER_SKIP_REASON) console.log(`\nBrowser tests ${BROWSER_SKIP_REASON}.`);
}
