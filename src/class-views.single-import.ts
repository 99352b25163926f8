import { MODULE_METADATA } from './explorer/nest-internals.js';
import type { ModulesContainer } from '@nestjs/core';
import { MESSAGES } from './class-views.messages.js';
import { ImproperlyConfigured } from './exceptions/improperly-configured.exception.js';

/**
 * Refuse an application that imports `ClassViewsModule.forRoot()` more than once: each
 * import would serve every view again, and only one URLconf can be the application's.
 * Runs while Nest creates the module's providers, so Nest logs the error and stops.
 *
 * @param modules the application's modules
 * @param token a provider only `ClassViewsModule` has (one per import)
 */
export function checkSingleImport(modules: ModulesContainer, token: symbol): void {
  const all = [...modules.values()];
  const imports = all.filter((module) => module.providers.has(token));
  if (imports.length < 2) return;
  // Every module links the global ClassViewsModule, so read what each module declares.
  const classViewsModule = imports[0].metatype;
  const importers = all
    .filter((module) => module.metatype !== classViewsModule)
    .filter((module) =>
      declaredImports(module.metatype).some(
        (entry) => entry === classViewsModule || entry?.module === classViewsModule,
      ),
    )
    .map((module) => module.metatype.name);
  throw new ImproperlyConfigured(MESSAGES.importedTwice(imports.length, importers));
}

/** The `imports` of a module's `@Module()` decorator. */
function declaredImports(metatype: Function): Array<{ module?: unknown } | undefined> {
  return Reflect.getMetadata(MODULE_METADATA.IMPORTS, metatype) ?? [];
}
