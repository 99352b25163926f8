import { coded } from '../utils/coded-message.js';

/** What the messages framework raises, in Django's words where Django has them. */
export const MESSAGES_MESSAGES = {
  noSecretKey: coded(
    'CLASS_VIEWS_ERR_MESSAGES_NO_SECRET_KEY',
    () =>
      "The messages option of ClassViewsModule needs a secretKey to sign the messages cookie (Django's SECRET_KEY). Set secretKey in ClassViewsModule.forRoot() (from the environment, never in the code), or give messages.storage a store of your own.",
  ),
  badSecretKey: coded(
    'CLASS_VIEWS_ERR_MESSAGES_BAD_SECRET_KEY',
    (option: string) => `The ${option} option of ClassViewsModule must be a non-empty string.`,
  ),
  badLevel: coded(
    'CLASS_VIEWS_ERR_MESSAGES_BAD_LEVEL',
    (value: string) =>
      `The messages.level option of ClassViewsModule is ${value}; give a whole number such as INFO (20).`,
  ),
  notInstalled: coded(
    'CLASS_VIEWS_ERR_MESSAGES_NOT_INSTALLED',
    (what: string) =>
      `You cannot add messages without a secretKey (${what}): set the secretKey option of ClassViewsModule.forRoot() (Django's SECRET_KEY), or messages.storage, and serve the request with a class view.`,
  ),
  notARequest: coded(
    'CLASS_VIEWS_ERR_MESSAGES_NOT_A_REQUEST',
    (what: string, got: string) => `${what} argument must be a ViewRequest object, not '${got}'.`,
  ),
  successMessageWithoutMessages: coded(
    'CLASS_VIEWS_ERR_MESSAGES_SUCCESS_MESSAGE_WITHOUT_MESSAGES',
    (cls: string) =>
      `${cls} uses SuccessMessageMixin, but messages are off. Set the secretKey option of ClassViewsModule.forRoot() (Django's SECRET_KEY), or messages.storage.`,
  ),
  /** Django's `BadSignature` messages (`django/core/signing.py`). */
  noSignatureSeparator: coded(
    'CLASS_VIEWS_ERR_MESSAGES_NO_SIGNATURE_SEPARATOR',
    (sep: string) => `No "${sep}" found in value`,
  ),
  signatureMismatch: coded('CLASS_VIEWS_ERR_MESSAGES_SIGNATURE_MISMATCH', () => 'Signature does not match'),
} as const;
