import { BROWSER_SKIP_REASON } from './browser.js';

/** Why the PostgreSQL runs are skipped: printed once per jest run, and in each skipped suite's title. */
export const PG_SKIP_REASON = 'skipped: CLASS_VIEWS_PG_URL is not set (start a server with eval "$(bash .ci/postgres.sh start)")';

/** Jest's global setup: say once per run that the PostgreSQL or browser suites are skipped, and why. */
export default function globalSetup(): void {
  if (!process.env.CLASS_VIEWS_PG_URL) console.log(`\nPostgreSQL runs ${PG_SKIP_REASON}.`);
  if (BROWSER_SKIP_REASON) console.log(`\nBrowser tests ${BROWSER_SKIP_REASON}.`);
}
