/**
 * Every message the URL routing raises, in one place. Django's wording is kept where
 * Django has a message for the same mistake, so its documentation still explains it.
 */
export const URL_MESSAGES = {
  converterRegistered: (name: string) => `Converter '${name}' is already registered.`,

  invalidConverterName: (name: string) =>
    `Converter name '${name}' is invalid: a converter name must be non-empty and must not contain whitespace, ':', '<' or '>'.`,

  notAConverter: (name: string) =>
    `Converter '${name}' must be an object with a string 'regex' and the functions 'toValue' and 'toUrl'.`,

  converterBadRegex: (name: string, regex: string, reason: string) =>
    `Converter '${name}' has a regex '${regex}' that does not compile (${reason}). Fix its 'regex'.`,

  intOutOfRange: (raw: string) =>
    `'${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}' is above Number.MAX_SAFE_INTEGER, so the int converter cannot give it exactly. For 64-bit ids, register a converter that gives a string or a bigint.`,

  routeNotAString: (got: string) => `A URL route must be a string, not ${got}.`,

  invalidConverter: (route: string, converter: string) =>
    `URL route '${route}' uses invalid converter '${converter}'.`,

  invalidIdentifier: (route: string, name: string) =>
    `URL route '${route}' uses parameter name '${name}' which isn't a valid identifier.`,

  reservedIdentifier: (route: string, name: string) =>
    `URL route '${route}' uses parameter name '${name}', which is reserved. Choose another name.`,

  repeatedParameter: (route: string, name: string) =>
    `URL route '${route}' uses parameter name '${name}' more than once.`,

  invalidAngleBrackets: (route: string) => `URL route '${route}' contains an invalid angle-bracket expression.`,

  fastifyPathNotLast: (route: string) =>
    `URL route '${route}' puts a 'path' converter before the end, which Fastify cannot route. Move it to the end of the route.`,

  fastifyAsterisk: (route: string) =>
    `URL route '${route}' contains a literal '*', which Fastify cannot route (it always reads '*' as a wildcard). Remove the '*' from the route.`,

  unknownPlatform: (platform: string) =>
    `Unknown platform '${platform}': toPlatformPath() takes 'express' or 'fastify'.`,

  noReverseMatch: (name: string, args: string, patterns: readonly string[]) =>
    `Reverse for '${name}' with ${args} not found. ${patterns.length} pattern(s) tried: [${patterns
      .map((route) => `'${route}'`)
      .join(', ')}]`,

  mixedArgs: (name: string) =>
    `Don't mix *args and **kwargs in call to reverse()! Give '${name}' either its values in route order, as in reverse('${name}', 7) or {{ url('${name}', 7) }}, or one object of kwargs, as in reverse('${name}', { pk: 7 }) or {{ url('${name}', { pk: 7 }) }}.`,

  unknownName: (name: string) =>
    `Reverse for '${name}' not found. '${name}' is not a valid view function or pattern name.`,

  mountedWithParameters: (name: string, mountPath: string) =>
    `Reverse for '${name}' not possible: its route is served under '${mountPath}', a path with parameters (from the global prefix or a RouterModule path), which reverse() cannot fill. Serve the route under a static path, or build this URL yourself.`,

  noActiveResolver: (name: string) =>
    `Reverse for '${name}' not found: no application has started yet. Call reverse() once the Nest application has been initialised (after app.init() or app.listen()), or inject UrlResolver and call its reverse().`,

  notAView: (got: string) => `view must be a view made by View.asView(), not ${got}.`,

  badPatternName: (got: string) => `The name of a URL pattern must be a non-empty string, not ${got}.`,
} as const;
