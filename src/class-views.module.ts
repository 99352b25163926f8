import { type DynamicModule, Inject, Logger, Module, type NestModule } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import {
  CLASS_VIEWS_ASYNC_OPTIONS_TYPE,
  CLASS_VIEWS_MODULE_OPTIONS,
  CLASS_VIEWS_OPTIONS_TYPE,
  ConfigurableClassViewsModule,
} from './class-views.module-definition.js';
import { CsrfProtection } from './csrf/csrf-protection.js';
import { ErrorPagesFilter } from './error-pages/error-pages.filter.js';
import { ClassViewsExplorer } from './explorer/class-views.explorer.js';
import { addFallbackFilter } from './explorer/nest-internals.js';
import type { ClassViewsModuleOptions } from './interfaces/class-views-module-options.interface.js';
import { MessageService } from './messages/message.service.js';
import { TemplateEngines } from './templates/template-engines.js';
import { UrlResolver } from './urls/url-resolver.js';

/**
 * Serves every `@ClassView()` provider of the application, and the `urlpatterns` given
 * here, as Nest routes. Import it once, in the root module.
 *
 * @example
 * @Module({
 *   imports: [ClassViewsModule.forRoot({ urlpatterns: [path('hi/', HelloView.asView())] })],
 *   providers: [HelloView],
 * })
 * export class AppModule {}
 */
@Module({
  providers: [ClassViewsExplorer, UrlResolver, TemplateEngines, CsrfProtection, ErrorPagesFilter, MessageService],
  exports: [UrlResolver, TemplateEngines, ErrorPagesFilter],
})
export class ClassViewsModule extends ConfigurableClassViewsModule implements NestModule {
  /** @internal Made by Nest's injector. */
  constructor(
    private readonly explorer: ClassViewsExplorer,
    private readonly config: ApplicationConfig,
    private readonly errorPages: ErrorPagesFilter,
    @Inject(CLASS_VIEWS_MODULE_OPTIONS) private readonly options: ClassViewsModuleOptions,
  ) {
    super();
  }

  /** Serve the app's class views; `options` may be left out (`appendSlash` defaults to true). */
  static override forRoot(options: typeof CLASS_VIEWS_OPTIONS_TYPE = {}): DynamicModule {
    return super.forRoot(options);
  }

  /**
   * Serve the app's class views with options made at start-up, as Nest's other modules
   * take them: `useFactory` (with `inject` and `imports`), `useClass` or `useExisting`.
   * `urlpatterns` and `imports` are given here directly, not by the factory.
   */
  static override forRootAsync(options: typeof CLASS_VIEWS_ASYNC_OPTIONS_TYPE): DynamicModule {
    return super.forRootAsync(options);
  }

  /**
   * Nest calls this before it registers routes, once the HTTP adapter is set. A mistake
   * found here (a `model` without repository, …) is logged through Nest's logger, as Nest
   * logs the errors of its own start-up, then rejects `app.init()`/`app.listen()`.
   */
  configure(): void {
    try {
      this.explorer.registerRoutes();
      // Behind every filter of the app, so that the app's own still win.
      if (this.options.errorPages) addFallbackFilter(this.config, this.errorPages);
    } catch (error) {
      new Logger('ExceptionHandler').error(error);
      throw error;
    }
  }
}
