/**
 * Every message the library raises, in one place. Django's wording is kept where Django
 * has a message for the same mistake, so its documentation still explains the error.
 */
export const MESSAGES = {
  mixedHandlers: (cls: string) => `${cls} HTTP handlers must either be all sync or all async.`,

  asViewMethodName: (key: string, cls: string) =>
    `The method name ${key} is not accepted as a keyword argument to ${cls}().`,

  asViewUnknownKey: (cls: string, key: string) =>
    `${cls}() received an invalid keyword '${key}'. as_view only accepts arguments that are already attributes of the class.`,

  setupWithoutSuper: (cls: string) =>
    `${cls} instance has no 'request' attribute. Did you override setup() and forget to call super()?`,

  notAResponse: (cls: string, got: string) =>
    `The view ${cls} didn't return an HttpResponse object. It returned ${got} instead.`,

  notAView: (cls: string) =>
    `${cls} is decorated with @ClassView() but does not extend View. Make it extend View (or one of the generic views) from 'nestjs-class-views'.`,

  sameRoute: (route: string, first: string, second: string) =>
    `The class views ${first} and ${second} are both served at '${route}'. Give each view a route of its own.`,

  requestScoped: (cls: string) =>
    `${cls} is request-scoped. Class views get a fresh state per request already; remove 'scope' from its @Injectable()/@ClassView() options.`,

  importedTwice: (count: number, importers: readonly string[]) =>
    `ClassViewsModule.forRoot() is imported ${count} times${importers.length > 0 ? ` (by ${importers.join(', ')})` : ''}. Import it once, in the root module, with all the urlpatterns; other modules only list their @ClassView() providers.`,

  unsafeRedirect: (scheme: string) => `Unsafe redirect to URL with protocol '${scheme}'`,

  noTemplateName: () =>
    "TemplateResponseMixin requires either a definition of 'templateName' or an implementation of 'getTemplateNames()'",

  redirectBadPercent: (cls: string, url: string) =>
    `${cls}.url '${url}' has a '%' that is not a %(name)s placeholder. Write a literal '%' as '%%'.`,

  redirectMissingKwarg: (cls: string, url: string, key: string) =>
    `${cls}.url '${url}' uses %(${key})s, but the route captures no '${key}'. Capture it in the route or remove the placeholder.`,

  modelNotProvided: (model: string) =>
    `No repository for the model ${model}. Add TypeOrmModule.forFeature([${model}]) to the imports of a module, or override getQueryset().`,

  missingQueryset: (cls: string) =>
    `${cls} is missing a QuerySet. Define ${cls}.model, ${cls}.queryset, or override ${cls}.getQueryset().`,

  emptyList: (cls: string) => `Empty list and “${cls}.allowEmpty” is False.`,
  /** A Base list/detail view with nothing to render its context. */
  noRenderToResponse: (cls: string, generic: string) =>
    `${cls} has no renderToResponse(). Extend ${generic} for templates, or apply JsonResponseMixin for JSON.`,

  /** Django's `UnorderedObjectListWarning`, logged once per view class. */
  unorderedObjectList: (model: string) =>
    `UnorderedObjectListWarning: Pagination may yield inconsistent results with an unordered object_list: <class '${model}'> QuerySet.`,

  pageNotLast: () => 'Page is not “last”, nor can it be converted to an int.',

  invalidPage: (page: string | number, message: string) => `Invalid page (${page}): ${message}`,

  listTemplateMissing: (cls: string) =>
    `${cls} requires either a 'templateName' attribute or a getQueryset() method that returns a data source with a model name.`,

  detailWithoutLookup: (cls: string) =>
    `Generic detail view ${cls} must be called with either an object pk or a slug in the URLconf.`,

  objectNotFound: (verboseName: string) => `No ${verboseName} found matching the query`,

  sourceWithoutGet: (cls: string) =>
    `${cls}.getQueryset() returned a data source without get(), so no single object can be looked up. Add get(lookup) to it or override ${cls}.getObject().`,

  /** Django's message is the template names; the folders are what its debug page lists. */
  templateDoesNotExist: (tried: readonly string[], searched?: readonly string[]) =>
    searched === undefined
      ? tried.join(', ')
      : searched.length > 0
        ? `${tried.join(', ')}. Searched in: ${searched.join(', ')}.`
        : `${tried.join(', ')}. No template folder is configured: list one in ClassViewsModule.forRoot({ templates: { dirs } }).`,

  jsonNotSafe: () => 'In order to allow non-dict objects to be serialized set the safe parameter to False.',
} as const;
