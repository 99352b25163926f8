/**
 * What the bench sends to each case: the class view's path and its twin's (the twin is a
 * Nest route, so without the trailing slash), and, for a case that is not a plain GET, the
 * method, headers and body. Shared by `run.ts` and `callgrind.ts`.
 */
import { type Case, PAGE } from './cases.js';
import { CREATE_REQUEST } from './create-case.js';
import { FORM_REQUEST } from './form-case.js';
import { ARCHIVE_MONTH } from './month-archive-case.js';

/** One request of a case: what both sides are sent, but the path. */
export interface BenchRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status?: number;
}

export const PATHS: Record<Case, { view: string; controller: string }> = {
  plain: { view: '/plain/', controller: '/plain' },
  guarded: { view: '/guarded/', controller: '/guarded' },
  template: { view: '/template/', controller: '/template' },
  list: { view: `/list/?page=${PAGE}`, controller: `/list?page=${PAGE}` },
  'list-bs3': { view: `/list/?page=${PAGE}`, controller: `/list?page=${PAGE}` },
  detail: { view: '/detail/4321/', controller: '/detail/4321' },
  errors: { view: '/errors/', controller: '' },
  form: { view: '/form/', controller: '/form' },
  create: { view: '/create/', controller: '/create' },
  'create-schema': { view: '/create/', controller: '/create' },
  shape: { view: '/plain', controller: '/plain' },
  'month-archive': ARCHIVE_MONTH,
};

/** The request of each case that is not a plain GET, and the status both sides answer it with. */
export const REQUESTS: Partial<
  Record<Case, { method: string; headers: Record<string, string>; body: string; status: number }>
> = {
  form: { ...FORM_REQUEST, status: 201 },
  create: { ...CREATE_REQUEST, status: 302 },
  'create-schema': { ...CREATE_REQUEST, status: 302 },
};

/** Each case's request to its view and to its twin. */
export const BENCH_REQUESTS = Object.fromEntries(
  Object.entries(PATHS).map(([name, paths]) => {
    const request = REQUESTS[name as Case];
    return [name, { view: { ...request, path: paths.view }, controller: { ...request, path: paths.controller } }];
  }),
) as Record<Case, { view: BenchRequest; controller: BenchRequest }>;
