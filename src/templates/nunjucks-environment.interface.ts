/**
 * The part of a nunjucks `Environment` that `templates.configure` is given: declared here
 * so that the package's types do not depend on `@types/nunjucks`. The object passed is
 * the real nunjucks `Environment`, which has more (see the nunjucks API documentation).
 */
export interface NunjucksEnvironment {
  /** Options the environment was made with. */
  readonly options: {
    /** Whether values are HTML-escaped when printed. */
    autoescape: boolean;
  };
  /** Add a filter, used as `{{ value | name(arg) }}`; `isAsync` for a callback-style filter. */
  addFilter(name: string, filter: (...args: any[]) => unknown, isAsync?: boolean): NunjucksEnvironment;
  /** The filter registered under `name`. */
  getFilter(name: string): (...args: any[]) => unknown;
  /** Add a value or function every template sees. */
  addGlobal(name: string, value: unknown): NunjucksEnvironment;
  /** The global registered under `name`. */
  getGlobal(name: string): unknown;
  /** Add a custom tag extension (`tags` and `parse()`, as nunjucks documents). */
  addExtension(name: string, extension: NunjucksExtension): NunjucksEnvironment;
  /** Remove the extension registered under `name`. */
  removeExtension(name: string): void;
  /** Whether an extension is registered under `name`. */
  hasExtension(name: string): boolean;
}

/** A nunjucks tag extension: the tags it handles and its parser callback. */
export interface NunjucksExtension {
  /** The tag names the extension handles (`{% name %}`). */
  tags: string[];
  /** Parse one of its tags into nunjucks nodes (nunjucks' extension API). */
  parse(parser: any, nodes: any, lexer: any): any;
}
