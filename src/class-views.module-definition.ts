import { ConfigurableModuleBuilder } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { checkSingleImport } from './class-views.single-import.js';
import type {
  ClassViewsModuleExtras,
  ClassViewsModuleOptions,
} from './interfaces/class-views-module-options.interface.js';

/** Token of the `urlpatterns` given to `forRoot()`/`forRootAsync()`. */
export const CLASS_VIEWS_URLPATTERNS = Symbol('nestjs-class-views:urlpatterns');

const built = new ConfigurableModuleBuilder<ClassViewsModuleOptions>({ moduleName: 'ClassViews' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createClassViewsOptions')
  .setExtras<ClassViewsModuleExtras>({ urlpatterns: [], imports: [] }, (definition, extras) => {
    const viewClasses = [...new Set((extras.urlpatterns ?? []).map((pattern) => pattern.view.viewClass))];
    return {
      ...definition,
      // Global, so UrlResolver and TemplateEngines inject in every module.
      global: true,
      imports: [...(definition.imports ?? []), ...(extras.imports ?? [])],
      providers: [
        ...(definition.providers ?? []),
        {
          provide: CLASS_VIEWS_URLPATTERNS,
          // A factory, so the check runs before the explorer reads the URLconf.
          useFactory: (modules: ModulesContainer) => {
            checkSingleImport(modules, CLASS_VIEWS_URLPATTERNS);
            return extras.urlpatterns ?? [];
          },
          inject: [ModulesContainer],
        },
        // Listed as classes (not `useClass`), so Nest registers their class-level
        // guards, interceptors and filters as it does for any provider.
        ...(viewClasses as Array<new (...args: any[]) => unknown>),
      ],
    };
  })
  .build();

export const {
  ConfigurableModuleClass: ConfigurableClassViewsModule,
  OPTIONS_TYPE: CLASS_VIEWS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: CLASS_VIEWS_ASYNC_OPTIONS_TYPE,
} = built;

/**
 * The injection token of the options given to `ClassViewsModule.forRoot()` or made by
 * `forRootAsync()`: `@Inject(CLASS_VIEWS_MODULE_OPTIONS) options: ClassViewsModuleOptions`.
 */
export const CLASS_VIEWS_MODULE_OPTIONS: string | symbol = built.MODULE_OPTIONS_TOKEN;
