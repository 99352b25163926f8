import { coded } from './utils/coded-message.js';

/**
 * The message registry: every error the library throws and every warning it logs, each with
 * a stable code (`CLASS_VIEWS_ERR_…`, `CLASS_VIEWS_WRN_…`) that the error carries as `.code`.
 * Django's texts that reach the user (a form field's "This field is required.", a CSRF
 * refusal's reason) are not here: they are `FORM_MESSAGES` and `CSRF_MESSAGES`, with Django's
 * own codes. docs/reference/errors.md is generated from this registry and its siblings
 * (`URL_MESSAGES`, `MESSAGES_MESSAGES`), indexed in class-views.errors.ts. Django's wording
 * is kept where Django has a message for the same mistake, so its documentation still
 * explains the error.
 */
/** How to mend each CSRF option that `csrfBadAttribute` names. */
const CSRF_ATTRIBUTE_HINTS: Record<string, string> = {
  enabled: 'Give true or false.',
  cookieName: "Use letters, digits, '-' and '_' only.",
  headerName: "Use letters, digits, '-' and '_' only.",
  fieldName: "Use letters, digits, '-' and '_' only.",
  cookieAge: 'Give a whole number of seconds, or null for a browser session cookie.',
  cookieDomain: "Give a domain such as 'example.com', without spaces, ';' or ','.",
  cookiePath: "Give a path such as '/', without spaces, ';' or ','.",
};

/** The library's own errors and warnings, by name: each entry gives the coded message for its details. */
export const MESSAGES = {
  mixedHandlers: coded(
    'CLASS_VIEWS_ERR_MIXED_HANDLERS',
    (cls: string) => `${cls} HTTP handlers must either be all sync or all async.`,
  ),

  asViewMethodName: coded(
    'CLASS_VIEWS_ERR_AS_VIEW_METHOD_NAME',
    (key: string, cls: string) => `The method name ${key} is not accepted as a keyword argument to ${cls}().`,
  ),

  asViewUnknownKey: coded(
    'CLASS_VIEWS_ERR_AS_VIEW_UNKNOWN_KEY',
    (cls: string, key: string) =>
      `${cls}() received an invalid keyword '${key}'. as_view only accepts arguments that are already attributes of the class.`,
  ),

  setupWithoutSuper: coded(
    'CLASS_VIEWS_ERR_SETUP_WITHOUT_SUPER',
    (cls: string) => `${cls} instance has no 'request' attribute. Did you override setup() and forget to call super()?`,
  ),

  notAResponse: coded(
    'CLASS_VIEWS_ERR_NOT_A_RESPONSE',
    (cls: string, got: string) => `The view ${cls} didn't return an HttpResponse object. It returned ${got} instead.`,
  ),

  notAView: coded(
    'CLASS_VIEWS_ERR_NOT_A_VIEW',
    (cls: string) =>
      `${cls} is decorated with @ClassView() but does not extend View. Make it extend View (or one of the generic views) from 'nestjs-class-views'.`,
  ),

  sameRoute: coded(
    'CLASS_VIEWS_ERR_SAME_ROUTE',
    (route: string, first: string, second: string) =>
      `The class views ${first} and ${second} are both served at '${route}'. Give each view a route of its own.`,
  ),

  unlistedView: coded(
    'CLASS_VIEWS_WRN_UNLISTED_VIEW',
    (cls: string, route: string) =>
      `${cls} is decorated with @ClassView('${route}') but no module of this application lists it in its providers, so it is not served. Add ${cls} to a module's providers (a module the application imports).`,
  ),

  requestScoped: coded(
    'CLASS_VIEWS_ERR_REQUEST_SCOPED',
    (cls: string) =>
      `${cls} is request-scoped. Class views get a fresh state per request already; remove 'scope' from its @Injectable()/@ClassView() options.`,
  ),

  badStatus: coded(
    'CLASS_VIEWS_ERR_BAD_STATUS',
    (status: string) => `HTTP status code must be an integer from 100 to 599, not ${status}.`,
  ),

  badHeader: coded(
    'CLASS_VIEWS_ERR_BAD_HEADER',
    (name: string) =>
      `The response header '${name}' has a name or value that HTTP does not allow (a line break, a control character, a character above U+00FF, or a value that is not a string). Remove those characters or percent-encode the value.`,
  ),

  importedTwice: coded(
    'CLASS_VIEWS_ERR_IMPORTED_TWICE',
    (count: number, importers: readonly string[]) =>
      `ClassViewsModule.forRoot() is imported ${count} times${importers.length > 0 ? ` (by ${importers.join(', ')})` : ''}. Import it once, in the root module, with all the urlpatterns; other modules only list their @ClassView() providers.`,
  ),

  requestScopedDependency: coded(
    'CLASS_VIEWS_ERR_REQUEST_SCOPED_DEPENDENCY',
    (cls: string, dependency: string) =>
      `${cls} cannot be served: ${dependency === cls ? 'it depends' : `${dependency} is request-scoped or depends`} on a request-scoped provider. A class view and its guards, interceptors, pipes and filters are singletons (each request gets a fresh view object already): make ${dependency === cls ? `what ${cls} injects` : dependency} a singleton, and read the request from the ExecutionContext or from the view's this.request.`,
  ),

  /** Django's `TooManyFieldsSent` message, word for word. */
  tooManyFieldsSent: coded(
    'CLASS_VIEWS_ERR_TOO_MANY_FIELDS_SENT',
    () => 'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.',
  ),

  badMaxNumberFields: coded(
    'CLASS_VIEWS_ERR_BAD_MAX_NUMBER_FIELDS',
    (value: string) =>
      `The dataUploadMaxNumberFields option of ClassViewsModule is ${value}. Give a whole number of fields (0 or more), or null for no limit.`,
  ),

  unsafeRedirect: coded(
    'CLASS_VIEWS_ERR_UNSAFE_REDIRECT',
    (scheme: string) => `Unsafe redirect to URL with protocol '${scheme}'`,
  ),

  noTemplateName: coded(
    'CLASS_VIEWS_ERR_NO_TEMPLATE_NAME',
    () =>
      "TemplateResponseMixin requires either a definition of 'templateName' or an implementation of 'getTemplateNames()'",
  ),

  redirectBadPercent: coded(
    'CLASS_VIEWS_ERR_REDIRECT_BAD_PERCENT',
    (cls: string, url: string) =>
      `${cls}.url '${url}' has a '%' that is not a %(name)s placeholder. Write a literal '%' as '%%'.`,
  ),

  redirectMissingKwarg: coded(
    'CLASS_VIEWS_ERR_REDIRECT_MISSING_KWARG',
    (cls: string, url: string, key: string) =>
      `${cls}.url '${url}' uses %(${key})s, but the route captures no '${key}'. Capture it in the route or remove the placeholder.`,
  ),

  modelNotProvided: coded(
    'CLASS_VIEWS_ERR_MODEL_NOT_PROVIDED',
    (model: string) =>
      `No repository for the model ${model}. Add TypeOrmModule.forFeature([${model}]) to the imports of a module, or override getQueryset().`,
  ),

  missingQueryset: coded(
    'CLASS_VIEWS_ERR_MISSING_QUERYSET',
    (cls: string) =>
      `${cls} is missing a QuerySet. Define ${cls}.model, ${cls}.queryset, or override ${cls}.getQueryset().`,
  ),

  emptyList: coded('CLASS_VIEWS_ERR_EMPTY_LIST', (cls: string) => `Empty list and “${cls}.allowEmpty” is False.`),
  /** A Base list/detail view with nothing to render its context. */
  noRenderToResponse: coded(
    'CLASS_VIEWS_ERR_NO_RENDER_TO_RESPONSE',
    (cls: string, generic: string) =>
      `${cls} has no renderToResponse(). Extend ${generic} for templates, or apply JsonResponseMixin for JSON.`,
  ),

  jsonFieldsMissing: coded(
    'CLASS_VIEWS_ERR_JSON_FIELDS_MISSING',
    (cls: string) =>
      `${cls} answers JSON without a 'jsonFields' attribute, which would send every field of every object. Define ${cls}.jsonFields (the fields to send, or '__all__' for every one), or override ${cls}.serializeObject().`,
  ),

  jsonFieldUnknown: coded(
    'CLASS_VIEWS_ERR_JSON_FIELD_UNKNOWN',
    (cls: string, field: string, choices: readonly string[]) =>
      `${cls}.jsonFields names '${field}', which the object does not have. Choices are: ${choices.join(', ')}.`,
  ),

  /** Django's `UnorderedObjectListWarning`, logged once per view class. */
  unorderedObjectList: coded(
    'CLASS_VIEWS_WRN_UNORDERED_OBJECT_LIST',
    (model: string) =>
      `UnorderedObjectListWarning: Pagination may yield inconsistent results with an unordered object_list: <class '${model}'> QuerySet.`,
  ),

  pageNotLast: coded('CLASS_VIEWS_ERR_PAGE_NOT_LAST', () => 'Page is not “last”, nor can it be converted to an int.'),

  invalidPage: coded(
    'CLASS_VIEWS_ERR_INVALID_PAGE',
    (page: string | number, message: string) => `Invalid page (${page}): ${message}`,
  ),

  listTemplateMissing: coded(
    'CLASS_VIEWS_ERR_LIST_TEMPLATE_MISSING',
    (cls: string) =>
      `${cls} requires either a 'templateName' attribute or a getQueryset() method that returns a data source with a model name.`,
  ),

  detailWithoutLookup: coded(
    'CLASS_VIEWS_ERR_DETAIL_WITHOUT_LOOKUP',
    (cls: string) => `Generic detail view ${cls} must be called with either an object pk or a slug in the URLconf.`,
  ),

  /** `detailWithoutLookup`, found at start-up from the route. */
  routeWithoutLookup: coded(
    'CLASS_VIEWS_ERR_ROUTE_WITHOUT_LOOKUP',
    (cls: string, route: string, pk: string, slug: string) =>
      `Generic detail view ${cls} must be called with either an object pk or a slug in the URLconf: its route '${route}' captures neither '${pk}' nor '${slug}'. Capture <int:${pk}> or <slug:${slug}> in the route, set ${cls}.pkUrlKwarg or ${cls}.slugUrlKwarg to a name the route captures, or override ${cls}.getObject().`,
  ),

  /** `redirectMissingKwarg`, found at start-up from the route. */
  routeWithoutRedirectKwarg: coded(
    'CLASS_VIEWS_ERR_ROUTE_WITHOUT_REDIRECT_KWARG',
    (cls: string, url: string, key: string, route: string) =>
      `${cls}.url '${url}' uses %(${key})s, but its route '${route}' captures no '${key}'. Capture <${key}> in the route, remove the placeholder, or override ${cls}.getRedirectUrl().`,
  ),

  objectNotFound: coded(
    'CLASS_VIEWS_ERR_OBJECT_NOT_FOUND',
    (verboseName: string) => `No ${verboseName} found matching the query`,
  ),

  sourceWithoutGet: coded(
    'CLASS_VIEWS_ERR_SOURCE_WITHOUT_GET',
    (cls: string) =>
      `${cls}.getQueryset() returned a data source without get(), so no single object can be looked up. Add get(lookup) to it or override ${cls}.getObject().`,
  ),

  noFormClass: coded(
    'CLASS_VIEWS_ERR_NO_FORM_CLASS',
    (cls: string) =>
      `${cls} has no form class. Define ${cls}.formClass (a Form subclass, or schemaForm(schema)) or override ${cls}.getFormClass().`,
  ),

  noSuccessUrl: coded('CLASS_VIEWS_ERR_NO_SUCCESS_URL', () => 'No URL to redirect to. Provide a successUrl.'),
  /** Two spaces after "to.", as in Django. */
  noModelSuccessUrl: coded(
    'CLASS_VIEWS_ERR_NO_MODEL_SUCCESS_URL',
    () => 'No URL to redirect to.  Either provide a url or define a getAbsoluteUrl method on the Model.',
  ),

  successUrlMissingKey: coded(
    'CLASS_VIEWS_ERR_SUCCESS_URL_MISSING_KEY',
    (cls: string, url: string, key: string) =>
      `${cls}.successUrl '${url}' uses {${key}}, but the saved object has no '${key}'. Name one of its fields, or write a literal brace as '{{' or '}}'.`,
  ),

  fieldsAndFormClass: coded(
    'CLASS_VIEWS_ERR_FIELDS_AND_FORM_CLASS',
    (cls: string) => `Specifying both 'fields' and 'formClass' is not permitted. ${cls}: remove one of them.`,
  ),

  modelFormWithoutFields: coded(
    'CLASS_VIEWS_ERR_MODEL_FORM_WITHOUT_FIELDS',
    (cls: string) => `Using ModelFormMixin (base class of ${cls}) without the 'fields' attribute is prohibited.`,
  ),

  unknownFields: coded(
    'CLASS_VIEWS_ERR_UNKNOWN_FIELDS',
    (names: readonly string[], model: string, cls: string, choices: readonly string[]) =>
      `Unknown field(s) (${names.join(', ')}) specified for ${model}. ${cls}.fields may name these columns: ${choices.join(', ')}.`,
  ),

  nonEditableField: coded(
    'CLASS_VIEWS_ERR_NON_EDITABLE_FIELD',
    (name: string, model: string) =>
      `'${name}' cannot be specified for ${model} model form as it is a non-editable field`,
  ),

  modelFormWithoutModel: coded(
    'CLASS_VIEWS_ERR_MODEL_FORM_WITHOUT_MODEL',
    (cls: string) =>
      `${cls} builds a model form from 'fields' but has no model to read them from. Define ${cls}.model, ${cls}.queryset (a TypeORM Repository), or set ${cls}.formClass.`,
  ),

  /** Django's `ValueError` from `ModelForm.save()` on a form with errors. */
  modelFormNotSaved: coded(
    'CLASS_VIEWS_ERR_MODEL_FORM_NOT_SAVED',
    (model: string, action: 'created' | 'changed') =>
      `The ${model} could not be ${action} because the data didn't validate.`,
  ),

  modelFormCannotSave: coded(
    'CLASS_VIEWS_ERR_MODEL_FORM_CANNOT_SAVE',
    (form: string, operation: 'create' | 'update') =>
      `${form} cannot save: its data source has no ${operation}(). Give the form a TypeORM Repository (the view's getQueryset()), or add ${operation}() to the source.`,
  ),

  modelFormWithoutSource: coded(
    'CLASS_VIEWS_ERR_MODEL_FORM_WITHOUT_SOURCE',
    (form: string) =>
      `${form} has nowhere to save: its model's metadata has no DataSource. Pass { source } to the form, or build it with modelFormFor(dataSource.getMetadata(Model), fields).`,
  ),

  modelFormWithoutMetadata: coded(
    'CLASS_VIEWS_ERR_MODEL_FORM_WITHOUT_METADATA',
    (form: string) =>
      `${form} has no model. Declare static meta = { model, fields } and give the class to a view's formClass (or to bindModelForm()), or make the form with modelFormFor(metadata, fields).`,
  ),

  sourceCannotWrite: coded(
    'CLASS_VIEWS_ERR_SOURCE_CANNOT_WRITE',
    (cls: string, operation: 'create' | 'update' | 'delete') =>
      `${cls}.getQueryset() returned a data source without ${operation}(), so the object cannot be saved. Return a TypeORM Repository, or add ${operation}() to the source.`,
  ),

  /** Django's message is the template names; the folders are what its debug page lists. */
  templateDoesNotExist: coded(
    'CLASS_VIEWS_ERR_TEMPLATE_DOES_NOT_EXIST',
    (tried: readonly string[], searched?: readonly string[]) =>
      searched === undefined
        ? tried.join(', ')
        : searched.length > 0
          ? `${tried.join(', ')}. Searched in: ${searched.join(', ')}.`
          : `${tried.join(', ')}. No template folder is configured: list one in ClassViewsModule.forRoot({ templates: { dirs } }).`,
  ),

  /** The body of a 503 when the database cannot be reached: nothing of the query or the driver. */
  databaseUnavailable: coded(
    'CLASS_VIEWS_ERR_DATABASE_UNAVAILABLE',
    () => 'The database is unavailable. Please try again shortly.',
  ),
  /** The warning logged (at most every ten seconds) while the database cannot be reached. */
  databaseUnavailableLog: coded(
    'CLASS_VIEWS_WRN_DATABASE_UNAVAILABLE',
    (reason: string) => `The database is unavailable (${reason}); answering 503 until it is back.`,
  ),

  /** Date-based views: a year, month, week or day that neither the view, the URL nor the query string gives. */
  noDatePart: coded(
    'CLASS_VIEWS_ERR_NO_DATE_PART',
    (part: 'year' | 'month' | 'week' | 'day') => `No ${part} specified`,
  ),
  /** Django joins the parts, and their formats, with `__`. */
  invalidDateString: coded(
    'CLASS_VIEWS_ERR_INVALID_DATE_STRING',
    (datestr: string, format: string) => `Invalid date string “${datestr}” given format “${format}”`,
  ),
  dateOutOfRange: coded('CLASS_VIEWS_ERR_DATE_OUT_OF_RANGE', () => 'Date out of range'),
  dateFieldRequired: coded('CLASS_VIEWS_ERR_DATE_FIELD_REQUIRED', (cls: string) => `${cls}.dateField is required.`),
  nothingAvailable: coded(
    'CLASS_VIEWS_ERR_NOTHING_AVAILABLE',
    (verboseNamePlural: string) => `No ${verboseNamePlural} available`,
  ),
  futureNotAvailable: coded(
    'CLASS_VIEWS_ERR_FUTURE_NOT_AVAILABLE',
    (verboseNamePlural: string, cls: string) =>
      `Future ${verboseNamePlural} not available because ${cls}.allowFuture is False.`,
  ),
  noDatedItems: coded(
    'CLASS_VIEWS_ERR_NO_DATED_ITEMS',
    () => 'A DateView must provide an implementation of getDatedItems()',
  ),
  unknownWeekFormat: coded(
    'CLASS_VIEWS_ERR_UNKNOWN_WEEK_FORMAT',
    (format: string) => `Unknown week format '${format}'. Choices are: %U, %V, %W`,
  ),
  isoWeekWithYear: coded(
    'CLASS_VIEWS_ERR_ISO_WEEK_WITH_YEAR',
    (weekFormat: string, yearFormat: string) =>
      `ISO week directive '${weekFormat}' is incompatible with the year directive '${yearFormat}'. Use the ISO year '%G' instead.`,
  ),
  sourceWithoutDates: coded(
    'CLASS_VIEWS_ERR_SOURCE_WITHOUT_DATES',
    (cls: string, method: 'filterRange' | 'dates' | 'orderBy') =>
      `${cls}.getQueryset() returned a data source without ${method}(), so it cannot be browsed by date. Return a TypeORM Repository or an array, or add ${method}() to the source.`,
  ),

  jsonNotSafe: coded(
    'CLASS_VIEWS_ERR_JSON_NOT_SAFE',
    () => 'In order to allow non-dict objects to be serialized set the safe parameter to False.',
  ),

  unknownTimeZone: coded(
    'CLASS_VIEWS_ERR_UNKNOWN_TIME_ZONE',
    (timeZone: string) =>
      `templates.timeZone '${timeZone}' is not a time zone. Give an IANA name such as 'UTC' or 'Europe/Paris' (Intl.supportedValuesOf('timeZone') lists them).`,
  ),
  extendsLoop: coded(
    'CLASS_VIEWS_ERR_EXTENDS_LOOP',
    (chain: readonly string[]) =>
      `The template '${chain[0]}' extends itself: ${chain.map((name) => `'${name}'`).join(' extends ')}. Make one of them extend a template that extends none.`,
  ),
  noSuchBlock: coded(
    'CLASS_VIEWS_ERR_NO_SUCH_BLOCK',
    (template: string, block: string, blocks: readonly string[]) =>
      `The template '${template}' has no block '${block}' to render alone ('${template}#${block}'). Its blocks: ${blocks.length > 0 ? blocks.map((name) => `'${name}'`).join(', ') : 'none'}. Wrap the part in {% block ${block} %}…{% endblock %}, or name one of these.`,
  ),

  /** Django's `AccessMixin.get_login_url()` message, with this library's names. */
  loginUrlMissing: coded(
    'CLASS_VIEWS_ERR_LOGIN_URL_MISSING',
    (cls: string) =>
      `${cls} is missing the loginUrl attribute. Define ${cls}.loginUrl, the auth.loginUrl option of ClassViewsModule, or override ${cls}.getLoginUrl().`,
  ),

  permissionRequiredMissing: coded(
    'CLASS_VIEWS_ERR_PERMISSION_REQUIRED_MISSING',
    (cls: string) =>
      `${cls} is missing the permissionRequired attribute. Define ${cls}.permissionRequired, or override ${cls}.getPermissionRequired().`,
  ),

  testFuncMissing: coded(
    'CLASS_VIEWS_ERR_TEST_FUNC_MISSING',
    (cls: string) => `${cls} is missing the implementation of the testFunc() method.`,
  ),

  /** Logged when an error page's template fails: the page falls back to Django's built-in body. */
  errorPageFailed: coded(
    'CLASS_VIEWS_WRN_ERROR_PAGE_FAILED',
    (template: string) => `The error page ${template} failed to render; answering with the built-in page instead.`,
  ),
  /** A view instance that no app serves: built with `new` instead of `asView()` or @ClassView(). */
  viewNotServed: coded(
    'CLASS_VIEWS_ERR_VIEW_NOT_SERVED',
    (cls: string) =>
      `${cls} is not served by ClassViewsModule. Declare it with @ClassView() or path(), and import ClassViewsModule.forRoot().`,
  ),
  /** The 404 of a request whose path the route's converters refuse, in Nest's words. */
  routeNotFound: coded('CLASS_VIEWS_ERR_ROUTE_NOT_FOUND', (method: string, url: string) => `Cannot ${method} ${url}`),
  /** The 404 of a request whose URL is absolute but cannot be parsed. */
  urlNotHandled: coded('CLASS_VIEWS_ERR_URL_NOT_HANDLED', (url: string) => `Cannot handle ${url}`),

  orderingWithoutOrderBy: coded(
    'CLASS_VIEWS_ERR_ORDERING_WITHOUT_ORDER_BY',
    (cls: string) =>
      `${cls}.ordering is set, but its data source has no orderBy(). Remove ordering or add orderBy() to the source.`,
  ),
  objectListNotLoaded: coded(
    'CLASS_VIEWS_ERR_OBJECT_LIST_NOT_LOADED',
    (cls: string) => `${cls}.getContextData() needs the list loaded: await this.loadObjectList() first (get() does).`,
  ),
  weekdayFormatUnknown: coded(
    'CLASS_VIEWS_ERR_WEEKDAY_FORMAT_UNKNOWN',
    (format: string) => `unknown week format: ${format}`,
  ),

  /** Django's `Paginator` messages, word for word. */
  pageNotAnInteger: coded('CLASS_VIEWS_ERR_PAGE_NOT_AN_INTEGER', () => 'That page number is not an integer'),
  pageLessThanOne: coded('CLASS_VIEWS_ERR_PAGE_LESS_THAN_ONE', () => 'That page number is less than 1'),
  pageNoResults: coded('CLASS_VIEWS_ERR_PAGE_NO_RESULTS', () => 'That page contains no results'),
  paginatorNotLoaded: coded(
    'CLASS_VIEWS_ERR_PAGINATOR_NOT_LOADED',
    () => 'Paginator.count is not loaded yet: await paginator.load() (page() and getPage() load it).',
  ),
  paginatorPerPageZero: coded(
    'CLASS_VIEWS_ERR_PAGINATOR_PER_PAGE_ZERO',
    () => 'Paginator.perPage is 0: division by zero.',
  ),
  paginatorNotInteger: coded(
    'CLASS_VIEWS_ERR_PAGINATOR_NOT_INTEGER',
    (name: string, value: string) => `Paginator ${name} must be an integer, not ${value}.`,
  ),
  /** Django's `TypeError` from `Page.__getitem__`. */
  pageIndexNotInteger: coded(
    'CLASS_VIEWS_ERR_PAGE_INDEX_NOT_INTEGER',
    (type: string) => `Page indices must be integers or slices, not ${type}.`,
  ),

  noTemplateEngine: coded(
    'CLASS_VIEWS_ERR_NO_TEMPLATE_ENGINE',
    (name: string, known: readonly string[]) =>
      `No template engine named '${name}'. Configured engines: ${known.map((key) => `'${key}'`).join(', ')}.`,
  ),
  badTimeZone: coded(
    'CLASS_VIEWS_ERR_BAD_TIME_ZONE',
    (owner: string, timeZone: string) =>
      `${owner}.timeZone '${timeZone}' is not a time zone. Use an IANA name such as 'UTC' or 'Europe/Paris'.`,
  ),
  unparsedDateDirective: coded(
    'CLASS_VIEWS_ERR_UNPARSED_DATE_DIRECTIVE',
    (format: string, directive: string, directives: readonly string[]) =>
      `The date format '${format}' uses '%${directive}', which the date views do not parse. Use ${directives.join(', ')}.`,
  ),

  querysetNotASource: coded(
    'CLASS_VIEWS_ERR_QUERYSET_NOT_A_SOURCE',
    (owner: string, got: string) =>
      `${owner}.getQueryset() returned ${got}. Return a TypeORM Repository or SelectQueryBuilder, an array, or an object with count() and slice() (ObjectSource).`,
  ),
  arraySourceNotObjects: coded(
    'CLASS_VIEWS_ERR_ARRAY_SOURCE_NOT_OBJECTS',
    (name: string, type: string) => `Cannot order or look up by '${name}': the list holds ${type} values, not objects.`,
  ),
  queryBuilderWithoutEntity: coded(
    'CLASS_VIEWS_ERR_QUERY_BUILDER_WITHOUT_ENTITY',
    () => 'A query builder given as a queryset must select from an entity.',
  ),
  repositorySourceCannotWrite: coded(
    'CLASS_VIEWS_ERR_REPOSITORY_SOURCE_CANNOT_WRITE',
    (model: string) => `The ${model} source cannot write: give the view a TypeORM Repository.`,
  ),
  /** Django's `FieldError` for a lookup on a field the model does not have. */
  unknownKeyword: coded(
    'CLASS_VIEWS_ERR_UNKNOWN_KEYWORD',
    (field: string, choices: string) => `Cannot resolve keyword '${field}' into field. Choices are: ${choices}`,
  ),

  /** Django's `KeyError` from `form[name]`, with the choices. */
  formFieldNotFound: coded(
    'CLASS_VIEWS_ERR_FORM_FIELD_NOT_FOUND',
    (name: string, form: string, choices: readonly string[]) =>
      `Key '${name}' not found in ${form}. Choices are: ${choices.join(', ')}.`,
  ),
  classValidatorMissing: coded(
    'CLASS_VIEWS_ERR_CLASS_VALIDATOR_MISSING',
    () => "dtoForm() needs the 'class-validator' package. Install it: npm install class-validator",
  ),
  dtoWithoutDecorators: coded(
    'CLASS_VIEWS_ERR_DTO_WITHOUT_DECORATORS',
    (dto: string) => `dtoForm(${dto}): ${dto} has no class-validator decorators, so no fields.`,
  ),
  schemaWithoutFields: coded(
    'CLASS_VIEWS_ERR_SCHEMA_WITHOUT_FIELDS',
    (vendor: string) =>
      `schemaForm() cannot read the fields of this ${vendor} schema: it offers no JSON Schema (~standard.jsonSchema). Pass them: schemaForm(schema, { fields: { name: new CharField() } }).`,
  ),

  /** Logged at start-up when the CSRF check is off for the whole app. */
  csrfDisabled: coded(
    'CLASS_VIEWS_WRN_CSRF_DISABLED',
    () =>
      "CSRF protection is off for every class view (the csrf.enabled option of ClassViewsModule is false, as a Django project without CsrfViewMiddleware): any site a user visits can make the user's browser send POST, PUT, PATCH and DELETE requests to this app with the user's cookies. Turn it off only for an app that browsers send no cookies to; to spare one view, set its csrfExempt instead.",
  ),
  csrfOriginWithoutScheme: coded(
    'CLASS_VIEWS_ERR_CSRF_ORIGIN_WITHOUT_SCHEME',
    (origin: string) =>
      `The trusted origin '${origin}' in the csrf.trustedOrigins option of ClassViewsModule must start with a scheme (usually http:// or https://), as Django's CSRF_TRUSTED_ORIGINS since Django 4.0.`,
  ),
  csrfSameSiteNoneInsecure: coded(
    'CLASS_VIEWS_ERR_CSRF_SAME_SITE_NONE_INSECURE',
    () =>
      "The csrf.cookieSameSite option of ClassViewsModule is 'None' but csrf.cookieSecure is false: browsers drop such a cookie. Set cookieSecure: true, or use 'Lax' (the default).",
  ),
  csrfBadAttribute: coded('CLASS_VIEWS_ERR_CSRF_BAD_ATTRIBUTE', (option: string, value: string) =>
    `The csrf.${option} option of ClassViewsModule is '${value}', which is not allowed. ${CSRF_ATTRIBUTE_HINTS[option] ?? ''}`.trimEnd(),
  ),
  csrfNotServed: coded(
    'CLASS_VIEWS_ERR_CSRF_NOT_SERVED',
    (what: string) =>
      `${what} needs a request served by a class view (ClassViewsModule sets the CSRF state up before the view runs).`,
  ),
} as const;
