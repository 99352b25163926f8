import { Transform, type TransformCallback } from 'node:stream';
import type { HttpServer } from '@nestjs/common';
import { TooManyFieldsSent } from '../exceptions/too-many-fields-sent.exception.js';

const AMPERSAND = 0x26;
const FORM = 'application/x-www-form-urlencoded';

interface FastifyLike {
  addHook(
    name: 'preParsing',
    hook: (
      request: { headers: Record<string, unknown> },
      reply: unknown,
      payload: NodeJS.ReadableStream,
      done: (error: Error | null, payload?: NodeJS.ReadableStream) => void,
    ) => void,
  ): void;
}

/**
 * Fastify's form parser has no limit on the number of fields: count the fields of every
 * urlencoded body as it streams in, as Django counts them (one more than the `&`s, empty
 * fields included), and fail it with `TooManyFieldsSent` (400) past `max`, before it is
 * parsed. Express's body parser does the same with its `parameterLimit`.
 */
export function limitFastifyFormFields(adapter: HttpServer, max: number): void {
  const fastify = adapter.getInstance() as FastifyLike;
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const type = request.headers['content-type'];
    // The usual spelling needs no lower-cased copy; every request of the app comes through here.
    const form = typeof type === 'string' && (type.startsWith(FORM) || type.trimStart().toLowerCase().startsWith(FORM));
    if (!form) return done(null, payload);
    done(null, payload.pipe(new FieldCounter(max)));
  });
}

/** Passes a body through unchanged, and fails once it holds more than `max` fields. */
class FieldCounter extends Transform {
  private fields = 0;
  private seen = false;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length > 0 && !this.seen) {
      this.seen = true;
      this.fields = 1;
    }
    for (let index = chunk.indexOf(AMPERSAND); index !== -1; index = chunk.indexOf(AMPERSAND, index + 1))
      this.fields += 1;
    if (this.fields > this.max) callback(new TooManyFieldsSent());
    else callback(null, chunk);
  }
}
