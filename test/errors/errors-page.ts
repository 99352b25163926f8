import { ERROR_REGISTRY } from '../../src/class-views.errors.js';
import type { MessageFormat } from '../../src/utils/coded-message.js';

/** Where the page lives, from the repository's root. */
export const ERRORS_PAGE = 'docs/reference/errors.md';

const AREAS: Record<keyof typeof ERROR_REGISTRY, string> = {
  MESSAGES: 'Views, mixins, forms, templates, data sources, dates, CSRF and the module',
  URL_MESSAGES: 'URL routing: path(), converters and reverse()',
  MESSAGES_MESSAGES: 'The messages framework and its signed cookie',
};

const INTRO = `# Errors and warnings

<!-- Generated from src/class-views.errors.ts by test/errors/errors-page.ts; do not edit by hand.
     After changing a message: UPDATE_ERRORS_PAGE=1 npm run test:jest -- test/errors -->

Every error that nestjs-class-views throws at a developer, and every warning it logs, has a stable
code in the manner of Fastify's error codes: \`CLASS_VIEWS_ERR_…\` for what is thrown,
\`CLASS_VIEWS_WRN_…\` for what is logged. The thrown error carries it as \`.code\`, so a program can
tell one mistake from another without matching the wording, which may improve from one version to
the next:

\`\`\`ts
import { ImproperlyConfigured, MESSAGES } from 'nestjs-class-views';

function isMissingTemplateName(error: unknown): boolean {
  return error instanceof ImproperlyConfigured && error.code === MESSAGES.noTemplateName.code;
}
\`\`\`

Each entry below gives the code, the registry entry that holds the message, and the message with
its details as \`{placeholders}\`. Where Django has a message for the same mistake, the wording is
Django's, so Django's documentation explains it too.

## What has no code

Django's texts that reach the user of the site are Django's strings, not error codes, and are not
listed here:

- the validation messages of form fields ("This field is required.", "Enter a valid email
  address."): \`FORM_MESSAGES\`. Each \`ValidationError\` carries Django's own code (\`required\`,
  \`invalid\`, \`max_length\`…), which \`form.errors.asJson()\` reports; override a text per field
  with \`errorMessages\`;
- why the CSRF check refused a request ("CSRF cookie not set."): \`CSRF_MESSAGES\`, Django's
  \`REASON_*\` texts, given as \`CsrfFailure.reason\`;
- the request log lines Django's \`django.request\` logger writes ("Method Not Allowed (PUT): /x").
`;

/** The details a message is written with, from its parameters' names: `{cls}`, `{route}`. */
function placeholders(format: (...args: never[]) => string): unknown[] {
  const source = format.toString();
  const list = /^\(?([^)=]*)\)?\s*=>/.exec(source)?.[1] ?? '';
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  // A list of details (`names.join(', ')`) is shown as one placeholder too.
  return names.map((name) =>
    new RegExp(`\\b${name}\\.(join|map|length)\\b`).test(source) ? listPlaceholder(name) : `{${name}}`,
  );
}

/** A list of one placeholder whose length reads `{name.length}` in the text and counts as 1. */
function listPlaceholder(name: string): string[] {
  const length = { valueOf: () => 1, toString: () => `{${name}.length}` };
  return new Proxy([`{${name}}`], {
    get: (target, key, receiver) => (key === 'length' ? length : Reflect.get(target, key, receiver)),
  });
}

/** Markdown's special characters, escaped so that the message reads as it is. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

function entry(area: string, key: string, format: MessageFormat<never[]>): string {
  const message = (format.format as (...args: unknown[]) => string)(...placeholders(format.format));
  return `### ${format.code}\n\n\`${area}.${key}\`\n\n> ${escapeMarkdown(message)}\n`;
}

/** The page, generated from the registry. */
export function errorsPage(): string {
  const sections = Object.entries(ERROR_REGISTRY).map(([area, registry]) => {
    const entries = Object.entries(registry as Record<string, MessageFormat<never[]>>)
      .sort(([, a], [, b]) => a.code.localeCompare(b.code))
      .map(([key, format]) => entry(area, key, format));
    return `## ${area}: ${AREAS[area as keyof typeof ERROR_REGISTRY]}\n\n${entries.join('\n')}`;
  });
  return `${INTRO}\n${sections.join('\n')}`;
}
