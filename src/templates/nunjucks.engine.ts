import { resolve } from 'node:path';
import nunjucks from 'nunjucks';
import { SafeHtml } from './safe-html.js';
import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { TemplateDoesNotExist } from '../exceptions/template-does-not-exist.exception.js';
import type { ViewRequest } from '../http/view-request.js';
import { addDjangoFilters } from './filters/django-filters.js';
import { checkTimeZone } from './filters/zoned-time.js';
import { type CompiledTemplate, type ContextLike, type RenderFunction, renderPartial } from './nunjucks-partials.js';
import { querystringGlobal } from './querystring.js';
import type { NunjucksEnvironment } from './nunjucks-environment.interface.js';
import type { TemplateContext, TemplateEngine } from './template-engine.interface.js';

/** Options of the default engine. */
export interface NunjucksEngineOptions {
  /** Directories searched for templates, in order (Django's `DIRS`). Default `[]`. */
  dirs?: readonly string[];
  /**
   * Keep compiled templates in memory. Default: on when `NODE_ENV` is `production`,
   * off otherwise, so that edited templates show on the next request in development.
   */
  cache?: boolean;
  /** Escape every value printed (`{{ value }}`), as Django does. Default `true`. */
  autoescape?: boolean;
  /**
   * The IANA time zone in which the `date` and `time` filters show a `Date` (Django's
   * `TIME_ZONE`), e.g. `'Europe/Paris'`. Default: `ClassViewsModule`'s `timeZone` option,
   * else `'UTC'`, as Django's new projects use.
   */
  timeZone?: string;
  /**
   * Add filters, globals or extensions to the nunjucks environment. Runs after Django's
   * filters are added, so a filter added here under the same name replaces Django's.
   */
  configure?: (env: NunjucksEnvironment) => void;
}

/** `Template.render()` with the parent frame, and nunjucks' `Frame`: both left out of its types (nunjucks 3.2). */
type RenderWithParentFrame = (
  context: object,
  parentFrame: object,
  callback: (error: Error | null, output?: string) => void,
) => void;
const Frame = (nunjucks.runtime as unknown as { Frame: new () => object }).Frame;

type BlockFunction = RenderFunction;
type Template = CompiledTemplate;

/**
 * nunjucks' `Context`, which a block renders with and which nunjucks does not export: taken
 * once from `this` of a function called by a template, as nunjucks calls every function.
 */
const NunjucksContext = (() => {
  let found: (new (context: object, blocks: object, env: nunjucks.Environment) => object) | undefined;
  new nunjucks.Environment().renderString('{{ probe() }}', {
    probe(this: object) {
      found = this.constructor as typeof found;
      return '';
    },
  });
  return found!;
})();

// Adapt the library's safe-string marker: nunjucks leaves a value unescaped when it is an
// instance of its own SafeString, so every SafeHtml (a form, a field, an error list, the CSRF
// field) is made one, once, when this engine is loaded. Forms and CSRF stay free of nunjucks.
Object.setPrototypeOf(SafeHtml.prototype, nunjucks.runtime.SafeString.prototype);

/**
 * The default engine: nunjucks, whose syntax is closest to Django's template language
 * (`{% extends %}`, `{% block %}`, `{{ value | filter }}`), with autoescaping on and
 * Django's most used filters (`date`, `default`, `floatformat`, `pluralize`…) and its
 * `querystring()`.
 */
export class NunjucksEngine implements TemplateEngine {
  /** The nunjucks environment, for filters and globals. */
  readonly env: NunjucksEnvironment;
  private readonly nunjucksEnv: nunjucks.Environment;
  private readonly dirs: readonly string[];

  constructor(options: NunjucksEngineOptions = {}) {
    const cache = options.cache ?? process.env.NODE_ENV === 'production';
    this.dirs = [...(options.dirs ?? [])];
    const loader = new nunjucks.FileSystemLoader([...this.dirs], { noCache: !cache });
    this.nunjucksEnv = new nunjucks.Environment(loader, { autoescape: options.autoescape ?? true });
    this.env = this.nunjucksEnv;
    const timeZone = options.timeZone ?? 'UTC';
    try {
      checkTimeZone(timeZone);
    } catch {
      throw new ImproperlyConfigured(MESSAGES.unknownTimeZone(timeZone));
    }
    addDjangoFilters(this.env, timeZone);
    this.env.addGlobal('querystring', querystringGlobal);
    options.configure?.(this.env);
  }

  /**
   * Render the first of `templateNames` that exists: the text itself when the template has
   * no asynchronous parts (async filters or loaders), else a promise of it.
   *
   * Why the empty parent frame: given a callback alone, nunjucks always calls it later, from
   * its own task queue, even when the text is ready. With a parent frame (the signature
   * `render(context, parentFrame, callback)` that `{% include %}` uses) it calls back as soon
   * as the text is ready, at once for a template with no asynchronous parts. The frame is
   * empty, so names resolve as without it. Checked on nunjucks 3.2.
   */
  render(templateNames: readonly string[], context: TemplateContext, _request?: ViewRequest): string | Promise<string> {
    const { template, file, block, blockName } = this.select(templateNames);
    let done = false;
    let failure: unknown;
    let text = '';
    let settle: ((error: unknown, output: string) => void) | undefined;
    const callback = (error: Error | null, output?: string) => {
      if (settle) return settle(error, output ?? '');
      done = true;
      failure = error;
      text = output ?? '';
    };
    if (block) {
      const blockContext = new NunjucksContext(context, template.blocks, this.nunjucksEnv) as ContextLike;
      renderPartial(this.nunjucksEnv, template, file!, blockName!, block, blockContext, callback);
    } else (template.render as RenderWithParentFrame).call(template, context, new Frame(), callback);
    if (done) {
      if (failure) throw failure;
      return text;
    }
    return new Promise((resolve, reject) => {
      settle = (error, output) => (error ? reject(error) : resolve(output));
    });
  }

  /**
   * The first template that exists (Django's `select_template`), and the block named after
   * its `#`, if any (`'book_list.html#rows'`: a partial, as Django 6.0's `partialdef`).
   */
  private select(templateNames: readonly string[]): {
    template: Template;
    file?: string;
    block?: BlockFunction;
    blockName?: string;
  } {
    for (const name of templateNames) {
      const hash = name.indexOf('#');
      const file = hash < 0 ? name : name.slice(0, hash);
      let template: Template;
      try {
        template = this.nunjucksEnv.getTemplate(file, true) as Template;
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('template not found')) throw error;
        continue;
      }
      if (hash < 0) return { template };
      const blockName = name.slice(hash + 1);
      const block = Object.hasOwn(template.blocks, blockName) ? template.blocks[blockName] : undefined;
      if (!block) throw new ImproperlyConfigured(MESSAGES.noSuchBlock(file, blockName, Object.keys(template.blocks)));
      return { template, file, block, blockName };
    }
    throw new TemplateDoesNotExist(
      templateNames,
      this.dirs.map((dir) => resolve(dir)),
    );
  }
}
