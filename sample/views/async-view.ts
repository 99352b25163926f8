import { setTimeout as sleep } from 'node:timers/promises';
import { ClassView, HttpResponse, View } from '../../src/index.js';

/** An async handler: the library awaits it. */
@ClassView('async/')
export class AsyncView extends View {
  async get() {
    await sleep(10);
    return new HttpResponse('Hello async world!');
  }
}
