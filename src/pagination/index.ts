export { Paginator, type ElidedPageRangeOptions } from './paginator.js';
export { parseInteger } from './parse-integer.js';
export { Page, type PageJson } from './page.js';
export { InvalidPage, PageNotAnInteger, EmptyPage } from './invalid-page.exception.js';
