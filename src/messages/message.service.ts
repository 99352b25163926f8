import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLASS_VIEWS_MODULE_OPTIONS } from '../class-views.module-definition.js';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import type { ClassViewsModuleOptions } from '../interfaces/class-views-module-options.interface.js';
import { CookieStorage } from './cookie-storage.js';
import { DEFAULT_TAGS, INFO } from './message-constants.js';
import { MESSAGES_MESSAGES } from './messages.messages.js';
import type { MessagesConfig } from './request-messages.js';

/**
 * Django's `MessageMiddleware` for class views: its configuration is lent to each request
 * (`ViewRequest.services`), whose messages are made on first use and, once the response is
 * ready, store what the next request must see.
 * On when the module has a `secretKey` or a `messages` option; the options are checked
 * at start-up.
 */
@Injectable()
export class MessageService {
  /** The store, level and tags; `null` when messages are off. */
  readonly config: MessagesConfig | null;

  constructor(@Optional() @Inject(CLASS_VIEWS_MODULE_OPTIONS) options: ClassViewsModuleOptions = {}) {
    const { secretKey, secretKeyFallbacks = [], messages } = options;
    if (secretKey !== undefined && (typeof secretKey !== 'string' || secretKey === ''))
      throw new ImproperlyConfigured(MESSAGES_MESSAGES.badSecretKey('secretKey'));
    if (!Array.isArray(secretKeyFallbacks) || secretKeyFallbacks.some((key) => typeof key !== 'string' || key === '')) {
      throw new ImproperlyConfigured(MESSAGES_MESSAGES.badSecretKey('secretKeyFallbacks'));
    }
    if (secretKey === undefined && messages === undefined) {
      this.config = null;
      return;
    }
    if (!messages?.storage && secretKey === undefined) throw new ImproperlyConfigured(MESSAGES_MESSAGES.noSecretKey());
    const level = messages?.level ?? INFO;
    if (!Number.isInteger(level)) throw new ImproperlyConfigured(MESSAGES_MESSAGES.badLevel(String(level)));
    this.config = {
      storage: messages?.storage ?? new CookieStorage({ secretKey: secretKey!, secretKeyFallbacks }),
      level,
      tags: Object.freeze({ ...DEFAULT_TAGS, ...messages?.tags }),
    };
  }

  /** Whether messages are on. */
  get enabled(): boolean {
    return this.config !== null;
  }
}
