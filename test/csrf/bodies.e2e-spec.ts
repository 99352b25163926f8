import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type NestExpressApplication } from '@nestjs/platform-express';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ClassView, ClassViewsModule, JsonResponse, View, type ViewRequest } from '../../src/index.js';
import { maskSecret } from '../../src/csrf/csrf-token.js';
import { csrfRefusal } from '../utils/csrf.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { type Platform, PLATFORMS } from '../utils/platforms.js';
import { Note } from './notes.js';

/** Stores the body it gets and echoes it. */
@ClassView('notes/')
class NoteEchoView extends View {
  constructor(@InjectRepository(Note) readonly notes: Repository<Note>) {
    super();
  }
  async post(request: ViewRequest) {
    await this.notes.save({ text: JSON.stringify(request.body) });
    return new JsonResponse({ body: request.body }, { status: 201 });
  }
}

/** A form with a file: multer (Express) parses the multipart body before the view. */
@ClassView('upload/')
@UseInterceptors(FileInterceptor('file'))
class UploadView extends View {
  post(request: ViewRequest) {
    const file = request.get<{ originalname: string; size: number }>('file');
    return new JsonResponse({ body: request.body, file: file && { name: file.originalname, size: file.size } });
  }
}

/** An app-wide filter: what it writes proves an error went through Nest's exception filters. */
@Catch(HttpException)
class RecordingFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const body = { filtered: true, status: exception.getStatus(), message: exception.message };
    if (typeof response.code === 'function') response.code(exception.getStatus()).send(body);
    else response.status(exception.getStatus()).json(body);
  }
}

/** Each platform's parser words a malformed JSON body its own way; both are 400s. */
const MALFORMED_JSON: Record<Platform, string> = {
  express: 'Unexpected end of JSON input',
  fastify: "Body is not valid JSON but content-type is set to 'application/json'",
};
const TOO_LARGE: Record<Platform, string> = {
  express: 'request entity too large',
  fastify: 'Request body is too large',
};

describe.each(PLATFORMS)('Request bodies on %s', (platform) => {
  let notes: Repository<Note>;

  const served = useTestApp(
    platform,
    {
      imports: [
        TypeOrmModule.forRoot({ type: 'sqljs', entities: [Note], synchronize: true }),
        TypeOrmModule.forFeature([Note]),
        ClassViewsModule.forRoot(),
      ],
      providers: [NoteEchoView],
    },
    { beforeInit: (nest) => void nest.useGlobalFilters(new RecordingFilter()) },
  );
  const { http } = served;
  beforeAll(async () => {
    notes = served.app.get<Repository<Note>>('NoteRepository');
  });
  beforeEach(() => notes.clear());

  const post = () => http.post('/notes/').set(CSRF_HEADERS);

  it('parses a urlencoded body: strings, repeated keys as lists', async () => {
    const res = await post()
      .type('form')
      .send('title=Dune&tag=sf&tag=classic&empty=&caf%C3%A9=cr%C3%A8me+br%C3%BBl%C3%A9e');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ body: { title: 'Dune', tag: ['sf', 'classic'], empty: '', café: 'crème brûlée' } });
    expect(await notes.count()).toBe(1);
  });

  it('parses a JSON body, nested values and types kept', async () => {
    const body = { title: 'Dune', year: 1965, tags: ['sf'], author: { name: 'Herbert' }, draft: false };
    const res = await post().send(body);
    expect(res.body).toEqual({ body });
  });

  it('answers a malformed JSON body with 400 through Nest’s filters, before the view and the CSRF check', async () => {
    const res = await http.post('/notes/').set('Content-Type', 'application/json').send('{"title": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ filtered: true, status: 400, message: MALFORMED_JSON[platform] });
    expect(await notes.count()).toBe(0);
  });

  it.each([
    ['JSON', 'application/json', JSON.stringify({ text: 'x'.repeat(1.5 * 1024 * 1024) })],
    ['urlencoded', 'application/x-www-form-urlencoded', `text=${'x'.repeat(1.5 * 1024 * 1024)}`],
  ])(
    'answers a %s body over the limit with 413 through Nest’s filters, and stores nothing',
    async (_kind, type, body) => {
      const res = await post().set('Content-Type', type).send(body);
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ filtered: true, status: 413, message: TOO_LARGE[platform] });
      expect(await notes.count()).toBe(0);
    },
  );

  it('sends a CSRF refusal through the same filters', async () => {
    const res = await http.post('/notes/').send({ text: 'x' });
    expect(res.body).toEqual({ filtered: true, status: 403, message: 'CSRF verification failed. Request aborted.' });
    expect(await notes.count()).toBe(0);
  });
});

describe('Request bodies on Express configured as the README says', () => {
  const { http } = useTestApp(
    'express',
    {
      imports: [
        TypeOrmModule.forRoot({ type: 'sqljs', entities: [Note], synchronize: true }),
        TypeOrmModule.forFeature([Note]),
        ClassViewsModule.forRoot(),
      ],
      providers: [NoteEchoView],
    },
    {
      beforeInit: (nest) => {
        const express = nest as NestExpressApplication;
        express.useBodyParser('json', { limit: '2mb' });
        express.useBodyParser('urlencoded', { extended: false, limit: '2mb' });
      },
    },
  );

  it('keeps bracketed field names flat, as Fastify does, and takes the larger limit', async () => {
    const form = await http
      .post('/notes/')
      .set(CSRF_HEADERS)
      .type('form')
      .send('tags[]=a&tags[]=b&author[name]=Herbert');
    expect(form.body).toEqual({ body: { 'tags[]': ['a', 'b'], 'author[name]': 'Herbert' } });
    const big = await http
      .post('/notes/')
      .set(CSRF_HEADERS)
      .send({ text: 'x'.repeat(1.5 * 1024 * 1024) });
    expect(big.status).toBe(201);
  });
});

describe('Multipart bodies on Express with multer', () => {
  const secret = 'TestSecretTestSecretTestSecret32';

  const { http } = useTestApp('express', { imports: [ClassViewsModule.forRoot()], providers: [UploadView] });

  it('takes the token from a multipart field once multer has parsed the body', async () => {
    const res = await http
      .post('/upload/')
      .set('Cookie', `csrftoken=${secret}`)
      .field('csrfmiddlewaretoken', maskSecret(secret))
      .field('title', 'Dune')
      .attach('file', Buffer.from('cover'), 'cover.txt');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      body: { csrfmiddlewaretoken: expect.any(String), title: 'Dune' },
      file: { name: 'cover.txt', size: 5 },
    });
  });

  it('refuses a multipart form without the field', async () => {
    const res = await http.post('/upload/').set('Cookie', `csrftoken=${secret}`).field('title', 'Dune');
    expect(res.body).toEqual(csrfRefusal('CSRF token missing.'));
  });
});
