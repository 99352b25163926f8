/** Why the PostgreSQL runs are skipped: printed once per jest run, and in each skipped suite's title. */
export const PG_SKIP_REASON = 'skipped: CLASS_VIEWS_PG_URL is not set (start a server with eval "$(bash .ci/postgres.sh start)")';

/** Jest's global setup: say once per run that the PostgreSQL suites are skipped, and why. */
export default function globalSetup(): void {
  if (!process.env.CLASS_VIEWS_PG_URL) console.log(`\nPostgreSQL runs ${PG_SKIP_REASON}.`);
}
