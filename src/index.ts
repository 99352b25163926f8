export { ClassViewsModule } from './class-views.module.js';
export { CLASS_VIEWS_MODULE_OPTIONS } from './class-views.module-definition.js';
export type {
  ClassViewsModuleOptions,
  ClassViewsModuleExtras,
  TemplatesOptions,
} from './interfaces/class-views-module-options.interface.js';
export type { ClassViewOptions } from './interfaces/class-view-options.interface.js';
export { ClassView } from './decorators/class-view.decorator.js';
export {
  View,
  type HttpMethodName,
  type Kwargs,
  type ViewResult,
  type ViewInitKwargs,
  type ViewClass,
  type ViewRoute,
} from './views/view.js';
export * from './http/index.js';
export * from './exceptions/index.js';
export * from './urls/index.js';
export { HTTP_METHOD_NAMES } from './class-views.constants.js';
export { MESSAGES } from './class-views.messages.js';
export type { CodedMessage, MessageFormat } from './utils/coded-message.js';
export { TemplateView } from './views/template.view.js';
export { RedirectView } from './views/redirect.view.js';
export * from './mixins/index.js';
export { TemplateResponse, type TemplateResponseInit } from './templates/template-response.js';
export { TemplateEngines, DEFAULT_TEMPLATE_ENGINE } from './templates/template-engines.js';
export { NunjucksEngine, type NunjucksEngineOptions } from './templates/nunjucks.engine.js';
export { querystring } from './templates/querystring.js';
export type { NunjucksEnvironment, NunjucksExtension } from './templates/nunjucks-environment.interface.js';
export type { TemplateEngine, TemplateContext } from './templates/template-engine.interface.js';
export type { CsrfTemplateContext } from './templates/csrf-template-context.js';
export { BaseListView, ListView } from './views/list.view.js';
export { BaseDetailView, DetailView } from './views/detail.view.js';
export * from './data/index.js';
export * from './pagination/index.js';
export { httpDate, parseHttpDate } from './http/http-date.js';
export { ProcessFormMixin, BaseFormView, FormView } from './views/form.view.js';
export { BaseCreateView, CreateView, BaseUpdateView, UpdateView } from './views/create-update.view.js';
export { BaseDeleteView, DeleteView } from './views/delete.view.js';
export * from './forms/index.js';
export * from './csrf/index.js';
export { BaseDateListView, type DatedItems } from './views/date-list.view.js';
export { BaseArchiveIndexView, ArchiveIndexView } from './views/archive-index.view.js';
export { BaseYearArchiveView, YearArchiveView } from './views/year-archive.view.js';
export { BaseMonthArchiveView, MonthArchiveView } from './views/month-archive.view.js';
export { BaseWeekArchiveView, WeekArchiveView } from './views/week-archive.view.js';
export {
  BaseDayArchiveView,
  DayArchiveView,
  BaseTodayArchiveView,
  TodayArchiveView,
} from './views/day-archive.view.js';
export { BaseDateDetailView, DateDetailView } from './views/date-detail.view.js';
export { parseDate, dateFromString, DATE_DIRECTIVES } from './dates/parse-date.js';
export * from './auth/index.js';
export { ErrorPagesFilter, type ErrorPage } from './error-pages/error-pages.filter.js';
export {
  urlHasAllowedHostAndScheme,
  type AllowedHostAndSchemeOptions,
} from './http/url-has-allowed-host-and-scheme.js';
export * from './messages/index.js';
