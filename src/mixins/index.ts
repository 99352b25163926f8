export { ContextMixin } from './context.mixin.js';
export { TemplateResponseMixin, type TemplateResponseClass } from './template-response.mixin.js';
export { ConditionalGetMixin } from './conditional-get.mixin.js';
export { MultipleObjectMixin, type ObjectListing, type PaginatorClass } from './multiple-object.mixin.js';
export { MultipleObjectTemplateResponseMixin } from './multiple-object-template-response.mixin.js';
export { SingleObjectMixin } from './single-object.mixin.js';
export { SingleObjectTemplateResponseMixin } from './single-object-template-response.mixin.js';
export { JsonResponseMixin } from './json-response.mixin.js';
export type { ViewConstructor } from './view-constructor.js';
