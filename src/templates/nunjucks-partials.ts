import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import { MESSAGES } from '../class-views.messages.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';

/**
 * Template partials for nunjucks (`'book_list.html#rows'`: one `{% block %}` rendered alone, as
 * Django 6.0's `partialdef`). The block sees what it sees in the whole page: the names its
 * template and the templates it extends define at their top level (`{% set %}`, `{% import %}`,
 * `{% from %}`, `{% macro %}`) before the page reaches the block, and the blocks of those
 * templates (for `super()`). Nothing else of the page runs: no other block, no text, no
 * `{% include %}`, no loop; so a partial reads no messages and prints no token the block does not.
 *
 * How: the definitions are taken from each template's syntax tree, in the order the whole page
 * runs them (the template's own, then those of each template it extends; in the last one, those
 * before the block's place), and compiled into a small template of their own, once per template
 * and block. Uses nunjucks' parser, compiler and node classes (public in its package: `nunjucks.parser`,
 * `nunjucks.compiler`, `nunjucks.nodes`) and its transformer (for asynchronous filters), checked on
 * nunjucks 3.2.
 */

/** A compiled top-level or block function of nunjucks (nunjucks 3.2 leaves them out of its types). */
export type RenderFunction = (
  env: nunjucks.Environment,
  context: object,
  frame: object,
  runtime: unknown,
  callback: (error: Error | null, output?: string) => void,
) => void;

/** A compiled template, with what nunjucks 3.2's types leave out. */
export type CompiledTemplate = nunjucks.Template & {
  blocks: Record<string, RenderFunction>;
  /** The source text; absent for a precompiled template. */
  tmplStr?: string;
  path?: string;
};

/** The syntax tree nodes read here. */
interface SyntaxNode {
  typename: string;
  children?: SyntaxNode[];
  /** `Extends`: the parent template's name. */
  template?: { typename: string; value?: unknown };
  /** `Block`: its name. */
  name?: { value?: unknown };
  findAll(type: unknown, results?: SyntaxNode[]): SyntaxNode[];
  iterFields(visit: (value: unknown, field: string) => void): void;
}

interface NunjucksInternals {
  parser: { parse(source: string, extensions: unknown[], options: object): SyntaxNode };
  compiler: { Compiler: new (name: string | undefined, throwOnUndefined: boolean) => CompilerLike };
  nodes: { Root: new (lineno: number, colno: number, children: SyntaxNode[]) => SyntaxNode; Block: unknown };
  runtime: { Frame: new () => { topLevel: boolean } };
}
interface CompilerLike {
  compile(node: SyntaxNode): void;
  getCode(): string;
}
interface EnvironmentInternals {
  extensionsList: Array<{ preprocess?: (source: string) => string }>;
  asyncFilters: string[];
  opts: { throwOnUndefined?: boolean };
}
/** nunjucks' `Context`: made with the block's template's blocks, given the parents' for `super()`. */
export interface ContextLike {
  addBlock(name: string, block: RenderFunction): void;
}

const internals = nunjucks as unknown as NunjucksInternals;
const transformer = createRequire(import.meta.url)('nunjucks/src/transformer.js') as {
  transform(root: SyntaxNode, asyncFilters: string[], name: string | undefined): SyntaxNode;
};

/** The top-level statements that define names for the rest of the page. */
const DEFINITIONS = new Set(['Set', 'Import', 'FromImport', 'Macro']);

/** What runs before a block rendered alone: each template's definitions, and the parents' blocks. */
interface Prelude {
  readonly steps: readonly RenderFunction[];
  readonly parents: readonly CompiledTemplate[];
}

/** Preludes by template and block name; a template made again (cache off) gets its own. */
const preludes = new WeakMap<CompiledTemplate, Map<string, Prelude>>();

/**
 * Render `block` of `template` (named `file`) alone with `context` (a nunjucks `Context` made with the
 * template's blocks), calling back with its text: at once when nothing in it is asynchronous.
 */
export function renderPartial(
  env: nunjucks.Environment,
  template: CompiledTemplate,
  file: string,
  blockName: string,
  block: RenderFunction,
  context: ContextLike,
  callback: (error: Error | null, output?: string) => void,
): void {
  let prelude: Prelude;
  try {
    prelude = preludeOf(env, template, file, blockName);
  } catch (error) {
    callback(error as Error);
    return;
  }
  for (const parent of prelude.parents)
    for (const name of Object.keys(parent.blocks)) context.addBlock(name, parent.blocks[name]!);
  const frame = new internals.runtime.Frame();
  frame.topLevel = true;
  const run = (index: number): void => {
    if (index === prelude.steps.length) {
      // nunjucks may call back again after an error (with the text after it): the error stands.
      let failed = false;
      block(env, context, frame, nunjucks.runtime, (error, output) => {
        if (failed) return;
        if (error) failed = true;
        callback(error, output);
      });
      return;
    }
    let called = false;
    prelude.steps[index]!(env, context, frame, nunjucks.runtime, (error) => {
      // nunjucks may call back twice after an error: once is enough.
      if (called) return;
      called = true;
      if (error) callback(error);
      else run(index + 1);
    });
  };
  run(0);
}

function preludeOf(env: nunjucks.Environment, template: CompiledTemplate, file: string, blockName: string): Prelude {
  let byBlock = preludes.get(template);
  if (!byBlock) preludes.set(template, (byBlock = new Map()));
  let prelude = byBlock.get(blockName);
  if (!prelude) {
    prelude = buildPrelude(env, template, file, blockName);
    byBlock.set(blockName, prelude);
  }
  return prelude;
}

function buildPrelude(env: nunjucks.Environment, template: CompiledTemplate, file: string, blockName: string): Prelude {
  const steps: RenderFunction[] = [];
  const parents: CompiledTemplate[] = [];
  // The templates so far, by path (what tells them apart) and by name (what the error shows).
  const paths: Array<string | undefined> = [];
  const names = [file];
  // The block whose place in the last template of the chain decides what runs before: the block
  // itself, or the block it is nested in where a child puts it inside another one.
  let placed = blockName;
  for (let current = template; ; ) {
    // The whole page fails too (nunjucks runs out of stack): say where instead of looping.
    if (current.path !== undefined && paths.includes(current.path))
      throw new ImproperlyConfigured(MESSAGES.extendsLoop(names));
    paths.push(current.path);
    // A precompiled template has no source to read: its definitions are left out.
    if (current.tmplStr === undefined) break;
    const root = parse(env, current.tmplStr);
    const statements = root.children ?? [];
    placed = outermostBlockAround(root, placed) ?? placed;
    const extended = statements.find((node) => node.typename === 'Extends');
    const parentName = extended?.template?.typename === 'Literal' ? extended.template.value : undefined;
    // With a parent, every top-level statement runs before the parent's page; without, those
    // before the statement that holds the block.
    const end = extended ? statements.length : statements.findIndex((node) => holdsBlock(node, placed));
    const definitions = statements
      .slice(0, end < 0 ? statements.length : end)
      .filter((node) => DEFINITIONS.has(node.typename));
    if (definitions.length > 0) steps.push(compile(env, definitions, current.path));
    // A computed parent (`{% extends layout %}`) is not followed.
    if (typeof parentName !== 'string') break;
    // `getTemplate(name, eagerCompile, parentName)`: a relative name is found from the child's path.
    const getTemplate = env.getTemplate as unknown as (
      name: string,
      eager: boolean,
      parentName?: string,
    ) => CompiledTemplate;
    current = getTemplate.call(env, parentName, true, current.path);
    parents.push(current);
    names.push(parentName);
  }
  return { steps, parents };
}

function parse(env: nunjucks.Environment, source: string): SyntaxNode {
  const { extensionsList, opts } = env as unknown as EnvironmentInternals;
  const text = extensionsList.reduce((text, extension) => extension.preprocess?.(text) ?? text, source);
  return internals.parser.parse(text, extensionsList, opts);
}

/** The name of the outermost block around the block `name` in `node`'s tree (`name` itself at the top), if it has one. */
function outermostBlockAround(node: SyntaxNode, name: string, outer?: string): string | undefined {
  if (node.typename === 'Block') {
    const own = node.name?.value as string;
    if (own === name) return outer ?? name;
    outer ??= own;
  }
  let found: string | undefined;
  const visit = (value: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && 'typename' in value)
      found = outermostBlockAround(value as SyntaxNode, name, outer);
  };
  node.iterFields(visit);
  return found;
}

function holdsBlock(node: SyntaxNode, name: string): boolean {
  const isIt = (candidate: SyntaxNode) => candidate.typename === 'Block' && candidate.name?.value === name;
  return isIt(node) || node.findAll(internals.nodes.Block).some(isIt);
}

/** A template of `statements` alone, compiled as nunjucks compiles a whole one: its top-level function. */
function compile(env: nunjucks.Environment, statements: SyntaxNode[], path: string | undefined): RenderFunction {
  const { asyncFilters, opts } = env as unknown as EnvironmentInternals;
  const compiler = new internals.compiler.Compiler(path, opts.throwOnUndefined ?? false);
  compiler.compile(transformer.transform(new internals.nodes.Root(0, 0, statements), asyncFilters, path));
  const props = new Function(compiler.getCode())() as { root: RenderFunction };
  return props.root;
}
