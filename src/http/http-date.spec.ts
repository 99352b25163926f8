import { describe, expect, it } from '@jest/globals';
import { escapeForLog } from './escape-for-log.js';
import { httpDate, parseHttpDate } from './http-date.js';

describe('HTTP dates', () => {
  it('formats a date in the IMF-fixdate form', () => {
    expect(httpDate(new Date(Date.UTC(2001, 1, 14)))).toBe('Wed, 14 Feb 2001 00:00:00 GMT');
  });

  it.each(['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994'])(
    'reads the HTTP date form %j',
    (value) => {
      expect(parseHttpDate(value)?.toISOString()).toBe('1994-11-06T08:49:37.000Z');
    },
  );

  it.each(['3000', '1994-11-06', 'yesterday', '', undefined])('ignores %j, which is not an HTTP date', (value) => {
    expect(parseHttpDate(value)).toBeNull();
  });
});

describe('escapeForLog', () => {
  it('turns control characters from a request into visible escapes', () => {
    expect(escapeForLog('/x\u001b[2J\nfake line/')).toBe('/x\\x1b[2J\\x0afake line/');
  });
});
