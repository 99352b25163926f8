import type { HttpResponse } from '../http/http-response.js';
import type { ViewRequest } from '../http/view-request.js';
import { Message } from './message.js';
import type { MessageStorage } from './message-storage.interface.js';

/** What every request's messages share: the store, the default level, the tags. */
export interface MessagesConfig {
  readonly storage: MessageStorage;
  readonly level: number;
  readonly tags: Readonly<Record<number, string>>;
}

/**
 * The messages of one request (what Django's `BaseStorage` does for `request._messages`):
 * those stored by earlier requests, read when first needed, and those added now.
 * Iterating marks them all used: the response then clears them. Messages not iterated
 * are stored again, with any added, for the next request.
 */
export class RequestMessages implements Iterable<Message> {
  /** Whether the messages were iterated (shown), so the store is cleared of them. */
  used = false;
  /** Whether a message was added during this request. */
  addedNew = false;
  private queued: Message[] = [];
  private loadedData?: Message[];
  private ownLevel?: number;

  constructor(
    /** The request the messages belong to. */
    readonly request: ViewRequest,
    private readonly config: MessagesConfig,
    /** Called when the response may have to store something (messages added, shown or unreadable). */
    private readonly onChange: (messages: RequestMessages) => void = () => {},
  ) {}

  /** How many messages there are, stored and added (Django's `len()`); reading it does not use them. */
  get length(): number {
    return this.loaded.length + this.queued.length;
  }

  /** Every message, oldest first; marks them used. */
  [Symbol.iterator](): Iterator<Message> {
    this.markUsed();
    if (this.queued.length > 0) {
      this.loaded.push(...this.queued);
      this.queued = [];
    }
    return this.loaded[Symbol.iterator]();
  }

  /** Whether a message with the same level and text is here (Django's `in`). */
  includes(message: Message): boolean {
    return [...this.loaded, ...this.queued].some((item) => item.equals(message));
  }

  /** Queue a message unless its text is empty or its level is below `level` (Django's `add()`). */
  add(level: number, message: string, extraTags: string | null = ''): void {
    if (!message) return;
    if (level < this.level) return;
    this.addedNew = true;
    this.onChange(this);
    const added = new Message(
      Math.trunc(Number(level)),
      String(message),
      extraTags === null ? null : String(extraTags),
    );
    added.levelTags = this.config.tags;
    this.queued.push(added);
  }

  /** The lowest level kept (Django's `level`): `messages.level` unless `setLevel()` changed it. */
  get level(): number {
    return this.ownLevel ?? this.config.level;
  }

  /** Keep messages from `level` up for the rest of this request; `null` restores the default. */
  set level(level: number | null) {
    this.ownLevel = level === null ? undefined : Math.trunc(Number(level));
  }

  /**
   * Store what the next request must see (Django's `update()`): after the messages were
   * used only those added since; else, if any was added, the stored ones and the new.
   * Returns the messages that could not be stored.
   */
  update(response: HttpResponse): Message[] {
    if (this.used) return this.config.storage.write(this.queued, this.request, response);
    if (this.addedNew) return this.config.storage.write([...this.loaded, ...this.queued], this.request, response);
    return [];
  }

  /** The stored messages, read on first use; unreadable data counts as used, so it is cleared. */
  private get loaded(): Message[] {
    if (this.loadedData === undefined) {
      const stored = this.config.storage.read(this.request);
      if (stored === null) this.markUsed();
      this.loadedData = stored ?? [];
      for (const message of this.loadedData) message.levelTags = this.config.tags;
    }
    return this.loadedData;
  }

  private markUsed(): void {
    this.used = true;
    this.onChange(this);
  }

  /** Nunjucks's `length` filter reads `length` of anything that is not a plain object. */
  get [Symbol.toStringTag](): string {
    return 'RequestMessages';
  }
}
