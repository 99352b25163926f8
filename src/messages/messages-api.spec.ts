import { describe, expect, it } from '@jest/globals';
import { ViewRequest } from '../http/view-request.js';
import { addMessage, getLevel, getMessages, setLevel } from './messages-api.js';
import { MessageFailure } from './message-failure.exception.js';
import { MESSAGES_MESSAGES } from './messages.messages.js';

describe('messages API without messages on', () => {
  const request = new ViewRequest({ headers: {} }, 'GET', '/');

  it('throws MessageFailure naming secretKey, unless failSilently', () => {
    expect(() => addMessage(request, 20, 'Hi')).toThrow(
      new MessageFailure(MESSAGES_MESSAGES.notInstalled('addMessage()')),
    );
    expect(() => addMessage(request, 20, 'Hi', '', true)).not.toThrow();
  });

  it('throws TypeError for something that is not a request, as Django', () => {
    expect(() => addMessage({} as ViewRequest, 20, 'Hi')).toThrow(
      new TypeError("addMessage() argument must be a ViewRequest object, not 'Object'."),
    );
  });

  it('gives no messages, the INFO level, and cannot set it', () => {
    expect([...getMessages(request)]).toEqual([]);
    expect(getLevel(request)).toBe(20);
    expect(setLevel(request, 10)).toBe(false);
  });
});
