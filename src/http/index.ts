export { QueryDict } from './query-dict.js';
export { ViewRequest } from './view-request.js';
export { ResponseHeaders, type HeaderValue } from './response-headers.js';
export {
  HttpResponse,
  type HttpResponseInit,
  type TemplateRenderer,
  HttpResponseNotAllowed,
  HttpResponseGone,
  HttpResponseNotModified,
  HttpResponseBadRequest,
  HttpResponseForbidden,
  HttpResponseNotFound,
  DEFAULT_CONTENT_TYPE,
} from './http-response.js';
export {
  HttpResponseRedirectBase,
  HttpResponseRedirect,
  HttpResponsePermanentRedirect,
  iriToUri,
} from './http-response-redirect.js';
export { JsonResponse, type JsonResponseInit } from './json-response.js';
export { HtmxDetails } from './htmx.js';
export {
  HttpResponseClientRedirect,
  HttpResponseClientRefresh,
  HttpResponseLocation,
  HttpResponseStopPolling,
  pushUrl,
  reswap,
  retarget,
  triggerClientEvent,
  type HtmxLocation,
} from './htmx-responses.js';
