import type { ModuleMetadata } from '@nestjs/common';
import type { UrlPattern } from '../urls/url-pattern.js';

/** Options of `ClassViewsModule.forRoot()` (also what a `forRootAsync()` factory returns). */
export interface ClassViewsModuleOptions {
  /**
   * Django's `APPEND_SLASH`: a GET or HEAD for `/about` answers 301 to `/about/` when
   * `about/` is a route. Default `true`; `false` answers 404 instead.
   */
  appendSlash?: boolean;
}

/** Options fixed when the module is imported, for `forRoot()` and `forRootAsync()` alike. */
export interface ClassViewsModuleExtras {
  /**
   * Django's URLconf: routes made with `path()`, served beside the `@ClassView()`
   * providers. Their view classes are instantiated in this module.
   *
   * @example
   * urlpatterns: [path('about/', TemplateView.asView({ templateName: 'about.html' }))]
   */
  urlpatterns?: readonly UrlPattern[];
  /**
   * Modules whose exported providers the `urlpatterns` views inject (for example
   * `TypeOrmModule.forFeature([Book])`). `@ClassView()` providers inject from their own
   * module and need nothing here. Default `[]`.
   */
  imports?: ModuleMetadata['imports'];
}
