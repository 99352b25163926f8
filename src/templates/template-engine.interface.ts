import type { ViewRequest } from '../http/view-request.js';

/** The context a template is rendered with. */
export type TemplateContext = Record<string, unknown>;

/**
 * A template engine the library can render with. Implement it to plug in any engine
 * (Handlebars, Eta, Pug…): render the first of `templateNames` that exists, or throw
 * `TemplateDoesNotExist` naming them all.
 */
export interface TemplateEngine {
  render(templateNames: readonly string[], context: TemplateContext, request?: ViewRequest): Promise<string>;
}
