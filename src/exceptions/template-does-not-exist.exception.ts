/**
 * No configured engine has any of the templates asked for (Django's
 * `TemplateDoesNotExist`). The message names every template tried; as a response it
 * is a 500 whose body shows neither the message nor a stack trace.
 */
export class TemplateDoesNotExist extends Error {
  override name = 'TemplateDoesNotExist';

  constructor(
    /** Every template name that was tried, in order. */
    readonly tried: readonly string[],
  ) {
    super(tried.join(', '));
  }
}
