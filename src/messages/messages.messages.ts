/** What the messages framework raises, in Django's words where Django has them. */
export const MESSAGES_MESSAGES = {
  noSecretKey: () =>
    'The messages option of ClassViewsModule needs a secretKey to sign the messages cookie (Django\'s SECRET_KEY). Set secretKey in ClassViewsModule.forRoot() (from the environment, never in the code), or give messages.storage a store of your own.',
  badSecretKey: (option: string) => `The ${option} option of ClassViewsModule must be a non-empty string.`,
  badLevel: (value: string) => `The messages.level option of ClassViewsModule is ${value}; give a whole number such as INFO (20).`,
  notInstalled: (what: string) =>
    `You cannot add messages without a secretKey (${what}): set the secretKey option of ClassViewsModule.forRoot() (Django's SECRET_KEY), or messages.storage, and serve the request with a class view.`,
  notARequest: (what: string, got: string) => `${what} argument must be a ViewRequest object, not '${got}'.`,
  successMessageWithoutMessages: (cls: string) =>
    `${cls} uses SuccessMessageMixin, but messages are off. Set the secretKey option of ClassViewsModule.forRoot() (Django's SECRET_KEY), or messages.storage.`,
} as const;
