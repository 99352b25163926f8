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

  unlistedView: (cls: string, route: string) =>
    `${cls} is decorated with @ClassView('${route}') but no module of this application lists it in its providers, so it is not served. Add ${cls} to a module's providers (a module the application imports).`,

  requestScoped: (cls: string) =>
    `${cls} is request-scoped. Class views get a fresh state per request already; remove 'scope' from its @Injectable()/@ClassView() options.`,

  badStatus: (status: string) => `HTTP status code must be an integer from 100 to 599, not ${status}.`,

  badHeader: (name: string) =>
    `The response header '${name}' has a name or value that HTTP does not allow (a line break, a control character, a character above U+00FF, or a value that is not a string). Remove those characters or percent-encode the value.`,

  importedTwice: (count: number, importers: readonly string[]) =>
    `ClassViewsModule.forRoot() is imported ${count} times${importers.length > 0 ? ` (by ${importers.join(', ')})` : ''}. Import it once, in the root module, with all the urlpatterns; other modules only list their @ClassView() providers.`,

  requestScopedDependency: (cls: string, dependency: string) =>
    `${cls} cannot be served: ${dependency === cls ? 'it depends' : `${dependency} is request-scoped or depends`} on a request-scoped provider. A class view and its guards, interceptors, pipes and filters are singletons (each request gets a fresh view object already): make ${dependency === cls ? `what ${cls} injects` : dependency} a singleton, and read the request from the ExecutionContext or from the view's this.request.`,

  /** Django's `TooManyFieldsSent` message, word for word. */
  tooManyFieldsSent: 'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.',

  badMaxNumberFields: (value: string) =>
    `The dataUploadMaxNumberFields option of ClassViewsModule is ${value}. Give a whole number of fields (0 or more), or null for no limit.`,

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

  jsonFieldsMissing: (cls: string) =>
    `${cls} answers JSON without a 'jsonFields' attribute, which would send every field of every object. Define ${cls}.jsonFields (the fields to send, or '__all__' for every one), or override ${cls}.serializeObject().`,

  jsonFieldUnknown: (cls: string, field: string, choices: readonly string[]) =>
    `${cls}.jsonFields names '${field}', which the object does not have. Choices are: ${choices.join(', ')}.`,

  /** Django's `UnorderedObjectListWarning`, logged once per view class. */
  unorderedObjectList: (model: string) =>
    `UnorderedObjectListWarning: Pagination may yield inconsistent results with an unordered object_list: <class '${model}'> QuerySet.`,

  pageNotLast: () => 'Page is not “last”, nor can it be converted to an int.',

  invalidPage: (page: string | number, message: string) => `Invalid page (${page}): ${message}`,

  listTemplateMissing: (cls: string) =>
    `${cls} requires either a 'templateName' attribute or a getQueryset() method that returns a data source with a model name.`,

  detailWithoutLookup: (cls: string) =>
    `Generic detail view ${cls} must be called with either an object pk or a slug in the URLconf.`,

  /** `detailWithoutLookup`, found at start-up from the route. */
  routeWithoutLookup: (cls: string, route: string, pk: string, slug: string) =>
    `Generic detail view ${cls} must be called with either an object pk or a slug in the URLconf: its route '${route}' captures neither '${pk}' nor '${slug}'. Capture <int:${pk}> or <slug:${slug}> in the route, set ${cls}.pkUrlKwarg or ${cls}.slugUrlKwarg to a name the route captures, or override ${cls}.getObject().`,

  /** `redirectMissingKwarg`, found at start-up from the route. */
  routeWithoutRedirectKwarg: (cls: string, url: string, key: string, route: string) =>
    `${cls}.url '${url}' uses %(${key})s, but its route '${route}' captures no '${key}'. Capture <${key}> in the route, remove the placeholder, or override ${cls}.getRedirectUrl().`,

  objectNotFound: (verboseName: string) => `No ${verboseName} found matching the query`,

  sourceWithoutGet: (cls: string) =>
    `${cls}.getQueryset() returned a data source without get(), so no single object can be looked up. Add get(lookup) to it or override ${cls}.getObject().`,

  noFormClass: (cls: string) =>
    `${cls} has no form class. Define ${cls}.formClass (a Form subclass, or schemaForm(schema)) or override ${cls}.getFormClass().`,

  noSuccessUrl: () => 'No URL to redirect to. Provide a successUrl.',
  /** Two spaces after "to.", as in Django. */
  noModelSuccessUrl: () => 'No URL to redirect to.  Either provide a url or define a getAbsoluteUrl method on the Model.',

  successUrlMissingKey: (cls: string, url: string, key: string) =>
    `${cls}.successUrl '${url}' uses {${key}}, but the saved object has no '${key}'. Name one of its fields, or write a literal brace as '{{' or '}}'.`,

  /** Django's `unique_error_message`: "Book with this Slug already exists." */
  notUnique: (verboseName: string, labels: readonly string[]) =>
    `${verboseName.charAt(0).toUpperCase()}${verboseName.slice(1)} with this ${labels.join(' and ')} already exists.`,

  fieldsAndFormClass: (cls: string) =>
    `Specifying both 'fields' and 'formClass' is not permitted. ${cls}: remove one of them.`,

  modelFormWithoutFields: (cls: string) =>
    `Using ModelFormMixin (base class of ${cls}) without the 'fields' attribute is prohibited.`,

  unknownFields: (names: readonly string[], model: string, cls: string, choices: readonly string[]) =>
    `Unknown field(s) (${names.join(', ')}) specified for ${model}. ${cls}.fields may name these columns: ${choices.join(', ')}.`,

  nonEditableField: (name: string, model: string) =>
    `'${name}' cannot be specified for ${model} model form as it is a non-editable field`,

  modelFormWithoutModel: (cls: string) =>
    `${cls} builds a model form from 'fields' but has no model to read them from. Define ${cls}.model, ${cls}.queryset (a TypeORM Repository), or set ${cls}.formClass.`,

  /** Django's `ValueError` from `ModelForm.save()` on a form with errors. */
  modelFormNotSaved: (model: string, action: 'created' | 'changed') =>
    `The ${model} could not be ${action} because the data didn't validate.`,

  modelFormCannotSave: (form: string, operation: 'create' | 'update') =>
    `${form} cannot save: its data source has no ${operation}(). Give the form a TypeORM Repository (the view's getQueryset()), or add ${operation}() to the source.`,

  modelFormWithoutSource: (form: string) =>
    `${form} has nowhere to save: its model's metadata has no DataSource. Pass { source } to the form, or build it with modelFormFor(dataSource.getMetadata(Model), fields).`,

  modelFormWithoutMetadata: (form: string) =>
    `${form} has no model. Declare static meta = { model, fields } and give the class to a view's formClass (or to bindModelForm()), or make the form with modelFormFor(metadata, fields).`,

  sourceCannotWrite: (cls: string, operation: 'create' | 'update' | 'delete') =>
    `${cls}.getQueryset() returned a data source without ${operation}(), so the object cannot be saved. Return a TypeORM Repository, or add ${operation}() to the source.`,

  /** Django's message is the template names; the folders are what its debug page lists. */
  templateDoesNotExist: (tried: readonly string[], searched?: readonly string[]) =>
    searched === undefined
      ? tried.join(', ')
      : searched.length > 0
        ? `${tried.join(', ')}. Searched in: ${searched.join(', ')}.`
        : `${tried.join(', ')}. No template folder is configured: list one in ClassViewsModule.forRoot({ templates: { dirs } }).`,

  /** The body of a 503 when the database cannot be reached: nothing of the query or the driver. */
  databaseUnavailable: () => 'The database is unavailable. Please try again shortly.',
  /** The warning logged (at most every ten seconds) while the database cannot be reached. */
  databaseUnavailableLog: (reason: string) => `The database is unavailable (${reason}); answering 503 until it is back.`,

  /** Date-based views: a year, month, week or day that neither the view, the URL nor the query string gives. */
  noDatePart: (part: 'year' | 'month' | 'week' | 'day') => `No ${part} specified`,
  /** Django joins the parts, and their formats, with `__`. */
  invalidDateString: (datestr: string, format: string) => `Invalid date string “${datestr}” given format “${format}”`,
  dateOutOfRange: () => 'Date out of range',
  dateFieldRequired: (cls: string) => `${cls}.dateField is required.`,
  nothingAvailable: (verboseNamePlural: string) => `No ${verboseNamePlural} available`,
  futureNotAvailable: (verboseNamePlural: string, cls: string) =>
    `Future ${verboseNamePlural} not available because ${cls}.allowFuture is False.`,
  noDatedItems: () => 'A DateView must provide an implementation of getDatedItems()',
  unknownWeekFormat: (format: string) => `Unknown week format '${format}'. Choices are: %U, %V, %W`,
  isoWeekWithYear: (weekFormat: string, yearFormat: string) =>
    `ISO week directive '${weekFormat}' is incompatible with the year directive '${yearFormat}'. Use the ISO year '%G' instead.`,
  sourceWithoutDates: (cls: string, method: 'filterRange' | 'dates' | 'orderBy') =>
    `${cls}.getQueryset() returned a data source without ${method}(), so it cannot be browsed by date. Return a TypeORM Repository or an array, or add ${method}() to the source.`,

  jsonNotSafe: () => 'In order to allow non-dict objects to be serialized set the safe parameter to False.',

  unknownTimeZone: (timeZone: string) =>
    `templates.timeZone '${timeZone}' is not a time zone. Give an IANA name such as 'UTC' or 'Europe/Paris' (Intl.supportedValuesOf('timeZone') lists them).`,
  noSuchBlock: (template: string, block: string, blocks: readonly string[]) =>
    `The template '${template}' has no block '${block}' to render alone ('${template}#${block}'). Its blocks: ${blocks.length > 0 ? blocks.map((name) => `'${name}'`).join(', ') : 'none'}. Wrap the part in {% block ${block} %}…{% endblock %}, or name one of these.`,

  /** Django's `AccessMixin.get_login_url()` message, with this library's names. */
  loginUrlMissing: (cls: string) =>
    `${cls} is missing the loginUrl attribute. Define ${cls}.loginUrl, the auth.loginUrl option of ClassViewsModule, or override ${cls}.getLoginUrl().`,

  permissionRequiredMissing: (cls: string) =>
    `${cls} is missing the permissionRequired attribute. Define ${cls}.permissionRequired, or override ${cls}.getPermissionRequired().`,

  testFuncMissing: (cls: string) => `${cls} is missing the implementation of the testFunc() method.`,

  /** Logged when an error page's template fails: the page falls back to Django's built-in body. */
  errorPageFailed: (template: string) => `The error page ${template} failed to render; answering with the built-in page instead.`,
} as const;
