import { ContextMixin } from '../mixins/context.mixin.js';
import { TemplateResponseMixin } from '../mixins/template-response.mixin.js';
import type { ViewRequest } from '../http/view-request.js';
import type { TemplateResponse } from '../templates/template-response.js';
import { View, type Kwargs } from './view.js';

/**
 * Django's `TemplateView`: GET renders `templateName` with `getContextData(kwargs)`;
 * HEAD does the same without a body; other methods get 405.
 *
 * @example
 * path('about/', TemplateView.asView({ templateName: 'about.html' }))
 */
export class TemplateView extends TemplateResponseMixin(ContextMixin(View)) {
  get(_request: ViewRequest, _args: readonly unknown[], kwargs: Kwargs): TemplateResponse {
    return this.renderToResponse(this.getContextData(kwargs));
  }
}
