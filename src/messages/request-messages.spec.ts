import { describe, expect, it } from '@jest/globals';
import { HttpResponse } from '../http/http-response.js';
import { ViewRequest } from '../http/view-request.js';
import { DEBUG, DEFAULT_TAGS, ERROR, INFO, SUCCESS, WARNING } from './message-constants.js';
import { Message } from './message.js';
import type { MessageStorage } from './message-storage.interface.js';
import { RequestMessages } from './request-messages.js';

/** A store that keeps what it is given, to look at. */
class MemoryStorage implements MessageStorage {
  writes: Message[][] = [];
  constructor(private readonly stored: Message[] | null = []) {}
  read(): Message[] | null {
    return this.stored && [...this.stored];
  }
  write(messages: readonly Message[]): Message[] {
    this.writes.push([...messages]);
    return [];
  }
}

function messagesWith(storage: MessageStorage, level = INFO, tags = DEFAULT_TAGS): RequestMessages {
  return new RequestMessages(new ViewRequest({ headers: {} }, 'GET', '/'), { storage, level, tags });
}

describe('RequestMessages (Django BaseStorage)', () => {
  it("has Django's levels and level tags, extra tags first", () => {
    expect([DEBUG, INFO, SUCCESS, WARNING, ERROR]).toEqual([10, 20, 25, 30, 40]);
    const messages = messagesWith(new MemoryStorage(), DEBUG, { ...DEFAULT_TAGS, [ERROR]: 'danger' });
    messages.add(SUCCESS, 'Saved', 'flash');
    messages.add(ERROR, 'Failed');
    messages.add(33, 'Custom level', '');
    expect([...messages].map((m) => [m.levelTag, m.tags, String(m)])).toEqual([
      ['success', 'flash success', 'Saved'],
      ['danger', 'danger', 'Failed'],
      ['', '', 'Custom level'],
    ]);
  });

  it('drops messages below the level, and empty ones; setLevel changes the level for the request', () => {
    const messages = messagesWith(new MemoryStorage());
    messages.add(DEBUG, 'hidden');
    messages.add(INFO, '');
    messages.add(INFO, 'shown');
    expect(messages.length).toBe(1);
    messages.level = DEBUG;
    messages.add(DEBUG, 'now shown');
    messages.level = null;
    expect(messages.level).toBe(INFO);
    expect([...messages].map(String)).toEqual(['shown', 'now shown']);
  });

  it('stores nothing when nothing was added or shown', () => {
    const storage = new MemoryStorage([new Message(INFO, 'old', '')]);
    const messages = messagesWith(storage);
    expect(messages.length).toBe(1);
    messages.update(new HttpResponse(''));
    expect(storage.writes).toEqual([]);
  });

  it('keeps stored messages that were not shown, with those added', () => {
    const storage = new MemoryStorage([new Message(INFO, 'old', '')]);
    const messages = messagesWith(storage);
    messages.add(INFO, 'new');
    messages.update(new HttpResponse(''));
    expect(storage.writes.map((w) => w.map(String))).toEqual([['old', 'new']]);
  });

  it('clears shown messages, keeping those added after they were shown', () => {
    const storage = new MemoryStorage([new Message(INFO, 'old', '')]);
    const messages = messagesWith(storage);
    expect([...messages].map(String)).toEqual(['old']);
    messages.add(INFO, 'after');
    messages.update(new HttpResponse(''));
    expect(storage.writes.map((w) => w.map(String))).toEqual([['after']]);
  });

  it('clears unreadable stored data', () => {
    const storage = new MemoryStorage(null);
    const messages = messagesWith(storage);
    expect(messages.length).toBe(0);
    messages.update(new HttpResponse(''));
    expect(storage.writes).toEqual([[]]);
  });

  it('knows a message by level and text', () => {
    const messages = messagesWith(new MemoryStorage([new Message(INFO, 'old', '')]));
    expect(messages.includes(new Message(INFO, 'old'))).toBe(true);
    expect(messages.includes(new Message(WARNING, 'old'))).toBe(false);
  });
});
