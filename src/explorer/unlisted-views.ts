import { Logger } from '@nestjs/common';
import { MESSAGES } from '../class-views.messages.js';
import { decoratedClassViews, getClassViewMetadata } from '../decorators/class-view-metadata.accessor.js';

const logger = new Logger('ClassViews');

/** Classes an application of this process served, or was already warned about. */
const accountedFor = new WeakSet<Function>();

/**
 * Warn about each `@ClassView()` class that no module of the starting application lists,
 * which would otherwise be silently not served.
 *
 * Only classes decorated in this process count, and each at most once: a class an earlier
 * application of the process served (a process may start several apps, a test file many)
 * is not reported, nor is one already reported. Jest gives each test file its own module
 * registry, so the classes of one file never reach the warnings of another.
 *
 * @param served - the classes this application serves through `@ClassView()`.
 */
export function warnAboutUnlistedViews(served: ReadonlySet<Function>): void {
  for (const viewClass of served) accountedFor.add(viewClass);
  for (const viewClass of decoratedClassViews()) {
    if (accountedFor.has(viewClass)) continue;
    accountedFor.add(viewClass);
    const route = getClassViewMetadata(viewClass)?.route ?? '';
    logger.warn(MESSAGES.unlistedView(viewClass.name, route).message);
  }
}
