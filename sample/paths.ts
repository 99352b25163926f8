import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;

/**
 * The sample's source folder, which holds `templates/` and `data/`. Jest imports the
 * sample's `.ts` from `sample/`; `npm start` runs the build in `dist-sample/sample/`,
 * which has no templates of its own, so it reads them from the source folder.
 */
export const sampleDir = existsSync(join(here, 'templates')) ? here : join(here, '../../sample');

/** The sample's templates (`base.html` and the pages extending it). */
export const templatesDir = join(sampleDir, 'templates');

/** Where the sample keeps its SQLite file, unless `DATABASE` says otherwise. */
export const dataDir = join(sampleDir, 'data');
