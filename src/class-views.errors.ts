import { MESSAGES } from './class-views.messages.js';
import { MESSAGES_MESSAGES } from './messages/messages.messages.js';
import { URL_MESSAGES } from './urls/urls.messages.js';

/**
 * The index of the message registries, one per area and all of one shape (`coded()`
 * entries): docs/reference/errors.md is generated from it, and a test checks that each
 * entry is raised somewhere in src/ and documented there.
 */
export const ERROR_REGISTRY = {
  /** Views, mixins, forms, templates, data sources, dates, CSRF and the module. */
  MESSAGES,
  /** URL routing: `path()`, converters and `reverse()`. */
  URL_MESSAGES,
  /** The messages framework and its signed cookie. */
  MESSAGES_MESSAGES,
} as const;
