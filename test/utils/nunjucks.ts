import { NunjucksEngine } from '../../src/templates/nunjucks.engine.js';

/**
 * A nunjucks engine over `dirs` whose asynchronous filter `later` answers on a later turn of the
 * event loop with `answer`'s text, or fails with its error: a template that uses it renders to a
 * promise.
 */
export function engineWithLater(dirs: string[], answer: (value: string) => string | Error): NunjucksEngine {
  return new NunjucksEngine({
    dirs,
    configure: (env) =>
      env.addFilter(
        'later',
        (value: string, done: (error: unknown, text?: string) => void) =>
          setImmediate(() => {
            const result = answer(value);
            if (result instanceof Error) done(result);
            else done(null, result);
          }),
        true,
      ),
  });
}
