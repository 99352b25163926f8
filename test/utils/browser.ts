import { existsSync } from 'node:fs';

/** Debian's Chromium, which `.ci/run` installs; `CLASS_VIEWS_CHROMIUM` names another. */
export const CHROMIUM = process.env.CLASS_VIEWS_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));

/** Why the browser suites are skipped, or `undefined` when they run. */
export const BROWSER_SKIP_REASON = CHROMIUM ? undefined : 'skipped: no Chromium (apt-get install chromium, or set CLASS_VIEWS_CHROMIUM)';
