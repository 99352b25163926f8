import { MESSAGES } from '../class-views.messages.js';

/**
 * No configured engine has any of the templates asked for (Django's
 * `TemplateDoesNotExist`). The message names every template tried and every folder
 * searched (what Django's debug page lists); as a response it is a 500 whose body shows
 * neither the message nor a stack trace.
 */
export class TemplateDoesNotExist extends Error {
  /** The error's name, `'TemplateDoesNotExist'`. */
  override name = 'TemplateDoesNotExist';
  /** The registry code of the error (listed in docs/reference/errors.md). */
  readonly code = MESSAGES.templateDoesNotExist.code;

  constructor(
    /** Every template name that was tried, in order. */
    readonly tried: readonly string[],
    /**
     * Every folder searched, absolute, in order: empty when the engine has no folder,
     * `undefined` when the engine does not read folders.
     */
    readonly searched?: readonly string[],
  ) {
    super(MESSAGES.templateDoesNotExist(tried, searched).message);
  }
}
