import { describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClassView, ClassViewsModule, HttpResponse, type Kwargs, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

/** A raw request, so the target is sent exactly as written (no client normalisation). */
function raw(app: INestApplication, path: string): Promise<{ status: number; location?: string }> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, location: res.headers.location });
    });
    req.on('error', reject);
    req.end();
  });
}

@ClassView('<str:name>/')
class NameView extends View {
  get() {
    return new HttpResponse(`name ${this.kwargs.name}`);
  }
}

@ClassView('about/')
class AboutView extends View {
  override setup(request: never, args: readonly unknown[], kwargs: Kwargs) {
    super.setup(request, args, kwargs);
    this.kwargs.seen = true;
  }
  get() {
    return new HttpResponse(`about ${this.kwargs.seen}`);
  }
}

describe.each(PLATFORMS)('APPEND_SLASH never redirects off-site on %s', (platform) => {
  const served = useTestApp(
    platform,
    { imports: [ClassViewsModule.forRoot()], providers: [AboutView, NameView] },
    { listen: true },
  );

  it('encodes a backslash browsers would read as a slash', async () => {
    const res = await raw(served.app, '/\\evil.example');
    if (res.status === 301) expect(res.location).toBe('/%5Cevil.example/');
    expect(res.location ?? '').not.toMatch(/^\/[\\/]/);
  });

  it('keeps a path starting with // on this host', async () => {
    const res = await raw(served.app, '//evil.example');
    expect(res.location ?? '').not.toMatch(/^\/[\\/]/);
  });

  it('redirects an absolute-form request to a path on this host, never to the named host', async () => {
    const res = await raw(served.app, 'http://evil.example/about');
    expect(res.location ?? '').not.toContain('evil.example');
    if (res.status === 301) expect(res.location).toBe('/about/');
  });

  it('gives a static route mutable kwargs of its own, as Django does', async () => {
    const res = await raw(served.app, '/about/');
    expect(res.status).toBe(200);
  });
});
