import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { DEFAULT_CONTENT_TYPE, HttpResponse } from './http-response.js';
import { writeToFastifyReply } from './response-writer.js';

/** Write `response` through a real Fastify reply, recording how its headers were set. */
async function writeThroughFastify(response: HttpResponse) {
  const app = Fastify();
  const calls: unknown[][] = [];
  app.get('/', (_request, reply) => {
    const header = reply.header.bind(reply);
    const type = reply.type.bind(reply);
    reply.header = (name: string, value: unknown) => {
      calls.push(['header', name, value]);
      return header(name, value);
    };
    reply.type = (value: string) => {
      calls.push(['type', value]);
      return type(value);
    };
    writeToFastifyReply(reply, response);
    return reply;
  });
  try {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/`);
    return { calls, res, body: await res.text() };
  } finally {
    await app.close();
  }
}

describe('writeToFastifyReply', () => {
  it('sets a Content-Type that is the only header with reply.type(), verbatim', async () => {
    const { calls, res, body } = await writeThroughFastify(new HttpResponse('a,b', { contentType: 'text/csv' }));
    expect(calls).toEqual([['type', 'text/csv']]);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(body).toBe('a,b');
  });

  it('sets several headers in the order they were set, Content-Type (in any case) with reply.type()', async () => {
    const response = new HttpResponse('x', { headers: { 'Set-Cookie': ['a=1', 'b=2'] } });
    const { calls, res } = await writeThroughFastify(response);
    expect(calls).toEqual([
      ['header', 'Set-Cookie', ['a=1', 'b=2']],
      ['type', DEFAULT_CONTENT_TYPE],
    ]);
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(res.headers.get('content-type')).toBe(DEFAULT_CONTENT_TYPE);
    const mixed = new HttpResponse('x', {
      headers: { 'X-First': '1', 'CONTENT-TYPE': 'text/plain', 'X-Tagged': 'content-type' },
    });
    const written = await writeThroughFastify(mixed);
    expect(written.calls).toEqual([
      ['header', 'X-First', '1'],
      ['type', 'text/plain'],
      ['header', 'X-Tagged', 'content-type'],
    ]);
    expect(written.res.headers.get('content-type')).toBe('text/plain');
    expect(written.res.headers.get('x-tagged')).toBe('content-type');
  });
});
