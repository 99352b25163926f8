import { coded } from '../utils/coded-message.js';

/**
 * Every message the URL routing raises, in one place. Django's wording is kept where
 * Django has a message for the same mistake, so its documentation still explains it.
 */
export const URL_MESSAGES = {
  converterRegistered: coded(
    'CLASS_VIEWS_ERR_URL_CONVERTER_REGISTERED',
    (name: string) => `Converter '${name}' is already registered.`,
  ),

  invalidConverterName: coded(
    'CLASS_VIEWS_ERR_URL_INVALID_CONVERTER_NAME',
    (name: string) =>
      `Converter name '${name}' is invalid: a converter name must be non-empty and must not contain whitespace, ':', '<' or '>'.`,
  ),

  notAConverter: coded(
    'CLASS_VIEWS_ERR_URL_NOT_A_CONVERTER',
    (name: string) =>
      `Converter '${name}' must be an object with a string 'regex' and the functions 'toValue' and 'toUrl'.`,
  ),

  converterBadRegex: coded(
    'CLASS_VIEWS_ERR_URL_CONVERTER_BAD_REGEX',
    (name: string, regex: string, reason: string) =>
      `Converter '${name}' has a regex '${regex}' that does not compile (${reason}). Fix its 'regex'.`,
  ),

  intOutOfRange: coded(
    'CLASS_VIEWS_ERR_URL_INT_OUT_OF_RANGE',
    (raw: string) =>
      `'${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}' is above Number.MAX_SAFE_INTEGER, so the int converter cannot give it exactly. For 64-bit ids, register a converter that gives a string or a bigint.`,
  ),

  routeNotAString: coded(
    'CLASS_VIEWS_ERR_URL_ROUTE_NOT_A_STRING',
    (got: string) => `A URL route must be a string, not ${got}.`,
  ),

  invalidConverter: coded(
    'CLASS_VIEWS_ERR_URL_INVALID_CONVERTER',
    (route: string, converter: string) => `URL route '${route}' uses invalid converter '${converter}'.`,
  ),

  invalidIdentifier: coded(
    'CLASS_VIEWS_ERR_URL_INVALID_IDENTIFIER',
    (route: string, name: string) =>
      `URL route '${route}' uses parameter name '${name}' which isn't a valid identifier.`,
  ),

  reservedIdentifier: coded(
    'CLASS_VIEWS_ERR_URL_RESERVED_IDENTIFIER',
    (route: string, name: string) =>
      `URL route '${route}' uses parameter name '${name}', which is reserved. Choose another name.`,
  ),

  repeatedParameter: coded(
    'CLASS_VIEWS_ERR_URL_REPEATED_PARAMETER',
    (route: string, name: string) => `URL route '${route}' uses parameter name '${name}' more than once.`,
  ),

  invalidAngleBrackets: coded(
    'CLASS_VIEWS_ERR_URL_INVALID_ANGLE_BRACKETS',
    (route: string) => `URL route '${route}' contains an invalid angle-bracket expression.`,
  ),

  fastifyPathNotLast: coded(
    'CLASS_VIEWS_ERR_URL_FASTIFY_PATH_NOT_LAST',
    (route: string) =>
      `URL route '${route}' puts a 'path' converter before the end, which Fastify cannot route. Move it to the end of the route.`,
  ),

  fastifyAsterisk: coded(
    'CLASS_VIEWS_ERR_URL_FASTIFY_ASTERISK',
    (route: string) =>
      `URL route '${route}' contains a literal '*', which Fastify cannot route (it always reads '*' as a wildcard). Remove the '*' from the route.`,
  ),

  unknownPlatform: coded(
    'CLASS_VIEWS_ERR_URL_UNKNOWN_PLATFORM',
    (platform: string) => `Unknown platform '${platform}': toPlatformPath() takes 'express' or 'fastify'.`,
  ),

  noReverseMatch: coded(
    'CLASS_VIEWS_ERR_URL_NO_REVERSE_MATCH',
    (name: string, args: string, patterns: readonly string[]) =>
      `Reverse for '${name}' with ${args} not found. ${patterns.length} pattern(s) tried: [${patterns
        .map((route) => `'${route}'`)
        .join(', ')}]`,
  ),

  mixedArgs: coded(
    'CLASS_VIEWS_ERR_URL_MIXED_ARGS',
    (name: string) =>
      `Don't mix *args and **kwargs in call to reverse()! Give '${name}' either its values in route order, as in reverse('${name}', 7) or {{ url('${name}', 7) }}, or one object of kwargs, as in reverse('${name}', { pk: 7 }) or {{ url('${name}', { pk: 7 }) }}.`,
  ),

  unknownName: coded(
    'CLASS_VIEWS_ERR_URL_UNKNOWN_NAME',
    (name: string) => `Reverse for '${name}' not found. '${name}' is not a valid view function or pattern name.`,
  ),

  mountedWithParameters: coded(
    'CLASS_VIEWS_ERR_URL_MOUNTED_WITH_PARAMETERS',
    (name: string, mountPath: string) =>
      `Reverse for '${name}' not possible: its route is served under '${mountPath}', a path with parameters (from the global prefix or a RouterModule path), which reverse() cannot fill. Serve the route under a static path, or build this URL yourself.`,
  ),

  noActiveResolver: coded(
    'CLASS_VIEWS_ERR_URL_NO_ACTIVE_RESOLVER',
    (name: string) =>
      `Reverse for '${name}' not found: no application has started yet. Call reverse() once the Nest application has been initialised (after app.init() or app.listen()), or inject UrlResolver and call its reverse().`,
  ),

  notAView: coded(
    'CLASS_VIEWS_ERR_URL_NOT_A_VIEW',
    (got: string) => `view must be a view made by View.asView(), not ${got}.`,
  ),

  badPatternName: coded(
    'CLASS_VIEWS_ERR_URL_BAD_PATTERN_NAME',
    (got: string) => `The name of a URL pattern must be a non-empty string, not ${got}.`,
  ),
} as const;
