import { Module, type NestModule } from '@nestjs/common';
import { ConfigurableClassViewsModule } from './class-views.module-definition.js';
import { ClassViewsExplorer } from './explorer/class-views.explorer.js';
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
  providers: [ClassViewsExplorer, UrlResolver],
  exports: [UrlResolver],
})
export class ClassViewsModule extends ConfigurableClassViewsModule implements NestModule {
  constructor(private readonly explorer: ClassViewsExplorer) {
    super();
  }

  /** Nest calls this before it registers routes, once the HTTP adapter is set. */
  configure(): void {
    this.explorer.registerRoutes();
  }
}
