/**
 * Jest transform for an ES module that a CommonJS dependency loads with `require()`.
 *
 * Node 20.19+ runs `require()` of an ES module natively, but jest's module loader does so only on
 * Node 24.9+; on Node 20 it loads a required file as CommonJS and refuses one written as ESM
 * ("Must use import to load ES Module"). `@fastify/middie` 9.3 (in `@nestjs/platform-fastify`
 * 12.6) requires `path-to-regexp` 9, which is ESM only. This transform rewrites such a file to
 * CommonJS only when it is required; an `import` of it gets the file unchanged. The real package
 * runs either way. `jest.config.js` lists the packages it applies to.
 */
import ts from 'typescript';

export default {
  process(source, filename, options) {
    if (options.supportsStaticESM) return { code: source };
    const output = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        sourceMap: true,
      },
    });
    return { code: output.outputText, map: output.sourceMapText };
  },
};
