import { pythonJsonDumps } from '../utils/python-json.js';
import { Message } from './message.js';

/** Marks a serialised message (Django's `MessageEncoder.message_key`). */
const MESSAGE_KEY = '__json_message';

/**
 * Django's `MessageSerializer().dumps()`: compact JSON as Python writes it (non-ASCII
 * escaped), each message as `["__json_message", safe, level, text, extraTags?]`.
 */
export function dumpMessages(items: ReadonlyArray<Message | string>): string {
  return pythonJsonDumps(items.map(encodeItem), true);
}

function encodeItem(item: Message | string): unknown {
  if (!(item instanceof Message)) return item;
  const encoded: unknown[] = [MESSAGE_KEY, item.safe ? 1 : 0, item.level, item.message];
  if (item.extraTags !== null) encoded.push(item.extraTags);
  return encoded;
}

/** Django's `MessageSerializer().loads()`: the list, its messages as `Message`s; throws on bad JSON. */
export function loadMessages(text: string): unknown {
  return decodeItem(JSON.parse(text));
}

function decodeItem(value: unknown): unknown {
  if (Array.isArray(value) && value.length > 0) {
    if (value[0] === MESSAGE_KEY)
      return new Message(
        Number(value[2]),
        String(value[3]),
        value.length > 4 ? String(value[4]) : null,
        Boolean(value[1]),
      );
    return value.map(decodeItem);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeItem(item)]));
  }
  return value;
}
