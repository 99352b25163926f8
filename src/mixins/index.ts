export { ContextMixin } from './context.mixin.js';
export { TemplateResponseMixin, type TemplateResponseClass } from './template-response.mixin.js';
export type { ViewConstructor } from './view-constructor.js';
