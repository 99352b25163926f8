import type { ViewRequest } from '../http/view-request.js';

/** The context a template is rendered with. */
export type TemplateContext = Record<string, unknown>;

/**
 * A template engine the library can render with. Implement it to plug in any engine
 * (Handlebars, Eta, Pug…): render the first of `templateNames` that exists, or throw
 * `TemplateDoesNotExist` naming them all.
 */
export interface TemplateEngine {
  /**
   * The rendered text, or a promise of it. An engine that has the text at once may return
   * it as it is (nunjucks does, for a template with no asynchronous parts): a page then
   * reaches the client without waiting for a promise.
   */
  render(templateNames: readonly string[], context: TemplateContext, request?: ViewRequest): string | Promise<string>;
}
