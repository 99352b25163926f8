import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { NoReverseMatch } from '../exceptions/no-reverse-match.exception.js';
import { getConverter, type PathConverter } from './converters.js';
import { type GroupMatcher, linearGroupMatcher } from './segment-matcher.js';
import { URL_MESSAGES } from './urls.messages.js';
import { codedError } from '../utils/coded-message.js';

/** The HTTP platforms whose route syntax `toPlatformPath()` can write. */
export type RoutePlatform = 'express' | 'fastify';

/** One `<converter:name>` of a route, as `RoutePattern.params` lists it. */
export interface RouteParam {
  /** The parameter name: the key of the value in the view's kwargs. */
  readonly name: string;
  /** The name of the converter that matches and converts it. */
  readonly converter: string;
}

/** Options of `RoutePattern.toPlatformPath()`. */
export interface PlatformPathOptions {
  /** Keep the route's trailing slash; `false` drops it (the root stays `/`). Default `true`. */
  trailingSlash?: boolean;
}

type RoutePart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'param';
      readonly name: string;
      readonly converterName: string;
      readonly converter: PathConverter;
    };

/**
 * Several parameters of one URL segment (`'<int:pk>-<slug:slug>'`), which the platform
 * routes as one parameter and the library splits as Django does: one regex of the
 * segment's text and the converters' regexes, backtracking included. With a `path`
 * converter among them, the group runs to the end of the route, routed as a wildcard.
 */
interface RouteGroup {
  readonly kind: 'group';
  /** The platform parameter's name, unlike any of the route's. */
  readonly key: string;
  /** Whether the group runs to the end of the route as a wildcard (it holds a `path` converter). */
  readonly wildcard: boolean;
  readonly parts: readonly RoutePart[];
}

/** What the platform routes: static text, a parameter, or a group of parameters. */
type RoutePiece = RoutePart | RouteGroup;

/** What `convert()` reads from the platform's params: one parameter, or a group. */
type Slot =
  | { readonly kind: 'param'; readonly param: CompiledParam }
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly wildcard: boolean;
      /** A wildcard group of a route ending in `/` takes the slash into its text. */
      readonly endsWithSlash: boolean;
      /** Splits the group's text into its parameters' raw values, as Django's regex does. */
      readonly match: GroupMatcher;
      readonly params: readonly CompiledParam[];
    };

/** The name of the regex group of a group's `index`th parameter. */
const groupName = (index: number) => `cv${index}`;

/** A parameter ready for matching and reversing: its anchored regex is compiled once. */
interface CompiledParam {
  readonly name: string;
  readonly converter: PathConverter;
  readonly regex: RegExp;
  readonly isPath: boolean;
  /**
   * Both platforms' wildcards also swallow a trailing slash written after a `path`
   * converter (`'<path:x>/'`): one slash is given back to the route, as Django's regex does.
   */
  readonly stripStarSlash: boolean;
}

/** The same test path-to-regexp and JavaScript use for identifiers. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are two identifier characters here, not a joined sequence
const IDENTIFIER = /^[$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*$/u;
/** A character that path-to-regexp would read as part of a preceding parameter name. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are two identifier characters here, not a joined sequence
const IDENTIFIER_CONTINUE = /^[$\u200c\u200d\p{ID_Continue}]/u;
/** Characters path-to-regexp v8 gives a meaning to in static text. */
const EXPRESS_SPECIAL = /[()[\]{}?+!*:\\]/g;
/** Characters left as they are when static route text is put in a URL (Django's `quote()` safe set). */
const URL_UNSAFE = /[^A-Za-z0-9\-._~!$&'()*+,;=/:@]/gu;
const WHITESPACE = /\s/;

/**
 * Percent-encode static route text the way Django's `reverse()` does: keep the URL's
 * sub-delimiters, `/`, `:` and `@`, encode everything else that is not unreserved.
 */
function encodeStaticText(text: string): string {
  return text.replace(URL_UNSAFE, (char) => encodeURIComponent(char));
}

/**
 * Escape a leading `//` to `/%2F`, as Django's `reverse()` does: a URL starting with `//`
 * is scheme-relative, and a browser would take `//evil.example/` to another host.
 */
export function escapeLeadingSlashes(url: string): string {
  return url.startsWith('//') ? `/%2F${url.slice(2)}` : url;
}

/** Render any kwargs object or args list for an error message, without ever throwing. */
function describeKwargs(kwargs: Record<string, unknown> | readonly unknown[]): string {
  try {
    return JSON.stringify(kwargs, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  } catch {
    return String(kwargs);
  }
}

/**
 * A parsed Django `path()` route such as `'books/<int:pk>/'`: it writes the route for
 * Express or Fastify, converts the platform's raw route params into typed kwargs, and
 * builds URLs back from kwargs (`reverse`). Parse routes once, at start-up.
 *
 * @example
 * const pattern = RoutePattern.parse('books/<int:pk>/');
 * pattern.toPlatformPath('express'); // '/books/:pk/'
 * pattern.convert({ pk: '7' });      // { pk: 7 }
 * pattern.reverse({ pk: 7 });        // '/books/7/'
 */
export class RoutePattern {
  /** The route as given to `parse()`, without a leading slash. */
  readonly route: string;
  /** The route's parameters, in the order they appear. */
  readonly params: ReadonlyArray<RouteParam>;
  /** Whether the route ends with `/`; true for the root route `''`, which is served at `/`. */
  readonly endsWithSlash: boolean;
  /** Whether the route has no parameters. */
  readonly isStatic: boolean;
  /**
   * Whether the route ends with a `path` converter (`'files/<path:name>'`), which takes a
   * trailing slash into its value, as in Django: `/files/a/` gives `name = 'a/'`.
   */
  readonly endsWithPath: boolean;

  private readonly parts: readonly RoutePart[];
  /** The parts as the platform routes them: a segment of several parameters as one group. */
  private readonly pieces: readonly RoutePiece[];
  private readonly compiled: readonly CompiledParam[];
  private readonly slots: readonly Slot[];
  private readonly paramNames: ReadonlySet<string>;
  /** The route as written by the user, leading slash included, for error messages. */
  private readonly original: string;

  private constructor(route: string, original: string, parts: readonly RoutePart[]) {
    this.route = route;
    this.original = original;
    this.parts = parts;
    this.endsWithSlash = route === '' || route.endsWith('/');

    const params: RouteParam[] = [];
    const compiled: CompiledParam[] = [];
    parts.forEach((part, index) => {
      if (part.kind !== 'param') return;
      params.push(Object.freeze({ name: part.name, converter: part.converterName }));
      const next = parts[index + 1];
      const isPath = part.converterName === 'path';
      compiled.push({
        name: part.name,
        converter: part.converter,
        regex: new RegExp(`^(?:${part.converter.regex})$`),
        isPath,
        stripStarSlash: isPath && next?.kind === 'text' && next.text === '/' && index + 2 === parts.length,
      });
    });
    this.params = Object.freeze(params);
    this.compiled = compiled;
    this.paramNames = new Set(params.map((param) => param.name));
    this.pieces = groupSegments(parts, this.paramNames);
    this.slots = this.makeSlots();
    this.isStatic = params.length === 0;
    const last = parts[parts.length - 1];
    this.endsWithPath = last?.kind === 'param' && last.converterName === 'path';
  }

  /**
   * Parse a Django path route: static text with `<converter:name>` or `<name>` (converter
   * `str`) parameters; `''` is the root. A leading `/` is dropped.
   *
   * @throws ImproperlyConfigured for an unknown converter, a parameter name that is not an
   *   identifier or is used twice, or an unbalanced or blank `<...>`.
   */
  static parse(route: string): RoutePattern {
    if (typeof route !== 'string') {
      throw codedError(TypeError, URL_MESSAGES.routeNotAString(route === null ? 'null' : typeof route));
    }
    const original = route;
    const stripped = route.replace(/^\/+/, '');
    const parts: RoutePart[] = [];
    const seen = new Set<string>();
    let text = '';
    let index = 0;

    while (index < stripped.length) {
      const char = stripped[index]!;
      if (char === '>') throw new ImproperlyConfigured(URL_MESSAGES.invalidAngleBrackets(original));
      if (char !== '<') {
        text += char;
        index += 1;
        continue;
      }
      const close = stripped.indexOf('>', index + 1);
      const body = close === -1 ? '' : stripped.slice(index + 1, close);
      if (close === -1 || body === '' || body.includes('<') || WHITESPACE.test(body)) {
        throw new ImproperlyConfigured(URL_MESSAGES.invalidAngleBrackets(original));
      }
      const colon = body.indexOf(':');
      // As in Django, '<:x>' and '<int:>' are read as a converter-less name ':x' / 'int:'.
      const hasConverter = colon > 0 && colon < body.length - 1;
      const converterName = hasConverter ? body.slice(0, colon) : 'str';
      const name = hasConverter ? body.slice(colon + 1) : body;

      if (!IDENTIFIER.test(name)) throw new ImproperlyConfigured(URL_MESSAGES.invalidIdentifier(original, name));
      if (name === '__proto__') throw new ImproperlyConfigured(URL_MESSAGES.reservedIdentifier(original, name));
      const converter = getConverter(converterName);
      if (converter === undefined) {
        throw new ImproperlyConfigured(URL_MESSAGES.invalidConverter(original, converterName));
      }
      if (seen.has(name)) throw new ImproperlyConfigured(URL_MESSAGES.repeatedParameter(original, name));
      seen.add(name);

      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'param', name, converterName, converter });
      index = close + 1;
    }
    if (text !== '') parts.push({ kind: 'text', text });
    return new RoutePattern(stripped, original, parts);
  }

  /**
   * Build the error `reverse()` throws when no pattern fits, in Django's wording.
   *
   * @param name - the route name (or route) that was reversed.
   * @param kwargs - the keyword arguments given; shown as JSON, or "no arguments" when empty.
   * @param patterns - the patterns tried, listed in the message in this order.
   * @param args - the values given in route order instead of kwargs; shown as a JSON array.
   */
  static noReverseMatch(
    name: string,
    kwargs: Record<string, unknown>,
    patterns: readonly RoutePattern[],
    args: readonly unknown[] = [],
  ): NoReverseMatch {
    let given = 'no arguments';
    if (args.length > 0) given = `arguments '${describeKwargs(args)}'`;
    else if (Object.keys(kwargs).length > 0) given = `keyword arguments '${describeKwargs(kwargs)}'`;
    return new NoReverseMatch(
      URL_MESSAGES.noReverseMatch(
        name,
        given,
        patterns.map((pattern) => pattern.route),
      ),
    );
  }

  /**
   * Write the route in the syntax of the platform's router, with a leading slash and the
   * parameters as `:name`: path-to-regexp v8 for Express (special characters escaped, a
   * `path` converter as the wildcard `*name`), find-my-way for Fastify (`:` doubled, a
   * `path` converter as `*`, which absorbs a trailing slash written after it).
   *
   * @param platform - `'express'` or `'fastify'`.
   * @param options - `trailingSlash` (default `true`): `false` drops the trailing slash.
   * A segment of several parameters (`'<int:pk>-<slug:slug>'`, even `'<int:a><int:b>'`) is
   * routed as one parameter, or as a wildcard when it holds a `path` converter, and split by
   * `convert()` as Django splits it.
   *
   * @throws ImproperlyConfigured when the platform cannot route this route: on Fastify a
   *   `path` converter that is not last or a literal `*`.
   */
  toPlatformPath(platform: RoutePlatform, options: PlatformPathOptions = {}): string {
    let path: string;
    if (platform === 'express') path = this.toExpressPath();
    else if (platform === 'fastify') path = this.toFastifyPath();
    else throw codedError(TypeError, URL_MESSAGES.unknownPlatform(String(platform)));
    if (options.trailingSlash === false && path.length > 1 && path.endsWith('/')) {
      return path.slice(0, -1);
    }
    return path;
  }

  /**
   * Turn the route params the platform extracted (already percent-decoded) into the
   * view's typed kwargs, keys in route order. Express gives a `path` converter's value as
   * an array of segments; Fastify gives it under the key `'*'`.
   *
   * @returns the kwargs, or `null` when a value is missing, does not fully match its
   *   converter's regex, or the converter's `toValue()` throws (answer 404).
   */
  convert(params: Record<string, unknown> | undefined): Record<string, unknown> | null {
    // A fresh object even for static routes: views may add to their kwargs, as in Django.
    if (this.isStatic) return {};
    if (params === undefined || params === null) return null;
    const kwargs: Record<string, unknown> = {};
    for (const slot of this.slots) {
      const done =
        slot.kind === 'param' ? convertParam(slot.param, params, kwargs) : convertGroup(slot, params, kwargs);
      if (!done) return null;
    }
    return kwargs;
  }

  /**
   * Build this route's URL path (leading slash included) from kwargs: each value goes
   * through its converter's `toUrl()`, must fully match the converter's regex, and is
   * percent-encoded (`path` values keep their slashes). A leading `//` becomes `/%2F`, as
   * in Django, so the URL never names another host.
   *
   * @param kwargs - one value per parameter, no more and no fewer. Default `{}`.
   * @param name - the name shown in the error message. Default: the route.
   * @throws NoReverseMatch when a value is missing, extra, refused by `toUrl()` or does not match.
   */
  reverse(kwargs: Record<string, unknown> = {}, name: string = this.route): string {
    const fail = () => RoutePattern.noReverseMatch(name, kwargs, [this]);
    for (const key of Object.keys(kwargs)) {
      if (!this.paramNames.has(key)) throw fail();
    }
    let url = '/';
    let param = 0;
    for (const part of this.parts) {
      if (part.kind === 'text') {
        url += encodeStaticText(part.text);
        continue;
      }
      const compiled = this.compiled[param++]!;
      const value = Object.hasOwn(kwargs, part.name) ? kwargs[part.name] : undefined;
      if (value === undefined) throw fail();
      let text: unknown;
      try {
        text = part.converter.toUrl(value);
      } catch {
        throw fail();
      }
      if (typeof text !== 'string' || !compiled.regex.test(text)) throw fail();
      try {
        url += compiled.isPath ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
      } catch {
        // A lone UTF-16 surrogate cannot be percent-encoded.
        throw fail();
      }
    }
    return escapeLeadingSlashes(url);
  }

  /**
   * The route in Express's syntax with every parameter on its own (`'/books/:pk-:slug/'`),
   * for documentation (`@nestjs/swagger` shows it as `/books/{pk}-{slug}/`). Never routed.
   */
  toDocsPath(): string {
    return this.toExpressPath(this.parts);
  }

  /** Return the route, as given to `parse()` without its leading slash. */
  toString(): string {
    return this.route;
  }

  private toExpressPath(pieces: readonly RoutePiece[] = this.pieces): string {
    let path = '/';
    pieces.forEach((part, index) => {
      if (part.kind === 'group') {
        path += (part.wildcard ? '*' : ':') + part.key;
        return;
      }
      if (part.kind === 'text') {
        path += encodeStaticText(part.text).replace(EXPRESS_SPECIAL, '\\$&');
        return;
      }
      const next = pieces[index + 1];
      // path-to-regexp reads letters/digits right after ':name' as part of the name: quote it then.
      const quote = next?.kind === 'text' && IDENTIFIER_CONTINUE.test(encodeStaticText(next.text));
      const name = quote ? JSON.stringify(part.name) : part.name;
      path += (part.converterName === 'path' ? '*' : ':') + name;
    });
    return path;
  }

  private toFastifyPath(): string {
    let path = '/';
    this.pieces.forEach((part, index) => {
      if (part.kind === 'group') {
        path += part.wildcard ? '*' : `:${part.key}`;
        return;
      }
      if (part.kind === 'text') {
        if (part.text.includes('*')) throw new ImproperlyConfigured(URL_MESSAGES.fastifyAsterisk(this.original));
        path += part.text.replaceAll(':', '::');
        return;
      }
      const next = this.pieces[index + 1];
      if (part.converterName === 'path') {
        const last =
          next === undefined || (next.kind === 'text' && next.text === '/' && index + 2 === this.pieces.length);
        if (!last) throw new ImproperlyConfigured(URL_MESSAGES.fastifyPathNotLast(this.original));
        path += '*';
        return;
      }
      // find-my-way ends a parameter name only at '-', '.', '/', '(' or the end: when other
      // text follows, give the parameter an explicit regex so the name stops where it should.
      const delimited = next === undefined || (next.kind === 'text' && /^[-./]/.test(next.text));
      path += `:${part.name}${delimited ? '' : '(.+)'}`;
    });
    // A trailing slash after a 'path' converter is absorbed by the wildcard.
    return path.endsWith('*/') ? path.slice(0, -1) : path;
  }

  /** What `convert()` reads, piece by piece: each parameter, and each group with its regex. */
  private makeSlots(): Slot[] {
    const byName = new Map(this.compiled.map((param) => [param.name, param]));
    const slots: Slot[] = [];
    for (const piece of this.pieces) {
      if (piece.kind === 'param') slots.push({ kind: 'param', param: byName.get(piece.name)! });
      if (piece.kind !== 'group') continue;
      const params: CompiledParam[] = [];
      const texts = [''];
      let source = '';
      for (const part of piece.parts) {
        if (part.kind === 'text') {
          source += escapeRegExp(part.text);
          texts[texts.length - 1] += part.text;
          continue;
        }
        source += `(?<${groupName(params.push(byName.get(part.name)!) - 1)}>${part.converter.regex})`;
        texts.push('');
      }
      const last = piece.parts[piece.parts.length - 1]!;
      const endsWithSlash = piece.wildcard && last.kind === 'text' && last.text.endsWith('/');
      // Built-in converters: a linear split. A custom converter's regex: Django's regex of
      // the group itself, whose backtracking costs what it costs in Django.
      const match =
        linearGroupMatcher(
          texts,
          params.map((param) => param.converter.regex),
        ) ?? regexMatcher(new RegExp(`^${source}$`), params.length);
      slots.push({ kind: 'group', key: piece.key, wildcard: piece.wildcard, endsWithSlash, match, params });
    }
    return slots;
  }
}

/** Escape text for a regular expression (Django's `re.escape()` of the route's text). */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * Split `parts` at each `/` and make every segment of two or more parameters one group
 * (Django matches the whole path with one regex; the platforms would split such a segment
 * at the first or last separator instead). A group holding a `path` converter runs to the
 * end of the route. The other parts stay as they are, so other routes are routed as before.
 */
function groupSegments(parts: readonly RoutePart[], names: ReadonlySet<string>): RoutePiece[] {
  const tokens: RoutePart[] = [];
  for (const part of parts) {
    if (part.kind === 'param') tokens.push(part);
    else {
      for (const text of part.text.split(/(?=\/)|(?<=\/)/)) tokens.push({ kind: 'text', text });
    }
  }
  const pieces: RoutePiece[] = [];
  let groups = 0;
  for (let start = 0; start < tokens.length; ) {
    let end = start;
    while (end < tokens.length && !isSlash(tokens[end]!)) end += 1;
    const segment = tokens.slice(start, end);
    const params = segment.filter((token) => token.kind === 'param');
    if (params.length >= 2) {
      let key = `_seg${groups++}`;
      while (names.has(key)) key = `_${key}`;
      const wildcard = params.some((param) => param.converterName === 'path');
      pieces.push({ kind: 'group', key, wildcard, parts: mergeText(wildcard ? tokens.slice(start) : segment) });
      if (wildcard) break;
    } else {
      pieces.push(...segment);
    }
    if (end < tokens.length) pieces.push(tokens[end]!);
    start = end + 1;
  }
  return mergeText(pieces);
}

function isSlash(part: RoutePart): boolean {
  return part.kind === 'text' && part.text === '/';
}

/** Join neighbouring text parts back into one. */
function mergeText<T extends RoutePiece>(pieces: readonly T[]): T[] {
  const merged: T[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (piece.kind === 'text' && previous?.kind === 'text')
      merged[merged.length - 1] = { kind: 'text', text: previous.text + piece.text } as T;
    else merged.push(piece);
  }
  return merged;
}

/** Convert one parameter the platform extracted into `kwargs`; `false` when it does not match. */
function convertParam(param: CompiledParam, params: Record<string, unknown>, kwargs: Record<string, unknown>): boolean {
  let raw = params[param.name];
  if (param.isPath) {
    // A platform wildcard's capture: Fastify's '*', Express's array of segments.
    const wildcard = raw === undefined ? params['*'] : Array.isArray(raw) ? raw.join('/') : undefined;
    if (wildcard !== undefined) {
      raw = wildcard;
      if (param.stripStarSlash && typeof raw === 'string' && raw.endsWith('/')) raw = raw.slice(0, -1);
    }
  }
  if (typeof raw !== 'string' || !param.regex.test(raw)) return false;
  return setValue(param, raw, kwargs);
}

/** Split a group's text with its regex, as Django's does, and convert each of its parameters. */
function convertGroup(
  slot: Extract<Slot, { kind: 'group' }>,
  params: Record<string, unknown>,
  kwargs: Record<string, unknown>,
): boolean {
  let raw = params[slot.key];
  if (slot.wildcard) {
    raw = raw === undefined ? params['*'] : Array.isArray(raw) ? raw.join('/') : raw;
    // Without its slash (APPEND_SLASH asks whether the slashed URL would match).
    if (slot.endsWithSlash && typeof raw === 'string' && !raw.endsWith('/')) raw += '/';
  }
  if (typeof raw !== 'string') return false;
  const values = slot.match(raw);
  return values !== null && slot.params.every((param, index) => setValue(param, values[index]!, kwargs));
}

/** Split a group's text with Django's regex of it. */
function regexMatcher(regex: RegExp, count: number): GroupMatcher {
  return (text) => {
    const groups = regex.exec(text)?.groups;
    return groups === undefined ? null : Array.from({ length: count }, (_, index) => groups[groupName(index)]!);
  };
}

/** Put `raw` through the parameter's converter into `kwargs`; `false` when `toValue()` refuses it. */
function setValue(param: CompiledParam, raw: string, kwargs: Record<string, unknown>): boolean {
  try {
    kwargs[param.name] = param.converter.toValue(raw);
    return true;
  } catch {
    return false;
  }
}
