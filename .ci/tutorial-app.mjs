// Assembles the app of docs/tutorial/ from its code blocks. A step is a page whose name starts
// with its number (`04-create-update.md`); every block whose info string names a file
// (```ts title="src/books/book.entity.ts") is that whole file, and a later block for the same
// file replaces the earlier one. Shell blocks (```sh) are the commands a reader types.
//
//   node .ci/tutorial-app.mjs OUT_DIR [--until STEP | --before STEP]
//       writes the app's files into OUT_DIR and lists them
//   node .ci/tutorial-app.mjs --commands [--until STEP | --before STEP | --step STEP]
//       prints the `npm` commands of those steps, one a line (`npm run`/`npm start` left out)
//   node .ci/tutorial-app.mjs --commands --page other-versions.md --section "Nest 11"
//       prints the `npm` commands of one section of another page
//
// STEP is a step's number (`8`, `08`) or a word of its file name (`fastify`): `--before fastify`
// is the app on Express, every step up to the switch to Fastify; no option is every step.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TUTORIAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/tutorial');

/** The fenced blocks of a Markdown text: the language, the `title="…"` of the info string, the code. */
export function fencedBlocks(markdown) {
  const blocks = [];
  let open = null;
  markdown.split('\n').forEach((line, index) => {
    if (open === null) {
      const fence = /^```(\w*)(.*)$/.exec(line);
      if (fence)
        open = { lang: fence[1], title: /\btitle="([^"]+)"/.exec(fence[2])?.[1] ?? null, line: index + 2, lines: [] };
    } else if (/^```\s*$/.test(line)) {
      blocks.push({ ...open, text: `${open.lines.join('\n')}\n` });
      open = null;
    } else {
      open.lines.push(line);
    }
  });
  if (open !== null) throw new Error(`A code block opened at line ${open.line - 1} is never closed`);
  return blocks;
}

/** The numbered pages of the tutorial, in order: `{ number, name, path }`. */
export function tutorialSteps(dir = TUTORIAL_DIR) {
  return readdirSync(dir)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .map((name) => ({ number: Number.parseInt(name, 10), name, path: join(dir, name) }))
    .sort((a, b) => a.number - b.number);
}

/** Does `step` answer to STEP (`8`, `08` or a word of its name such as `fastify`)? */
function isStep(step, wanted) {
  return /^\d+$/.test(wanted) ? step.number === Number(wanted) : step.name.includes(wanted);
}

/**
 * The steps selected by `{ until }` (every step up to that one, included), `{ before }` (every
 * step before that one) or `{ step }` (that step alone); all of them by default.
 */
export function selectSteps({ until, before, step, dir = TUTORIAL_DIR } = {}) {
  const steps = tutorialSteps(dir);
  const wanted = until ?? before ?? step;
  if (wanted === undefined) return steps;
  const at = steps.findIndex((candidate) => isStep(candidate, String(wanted)));
  if (at < 0) throw new Error(`docs/tutorial has no step "${wanted}" (steps: ${steps.map((s) => s.name).join(', ')})`);
  if (step !== undefined) return [steps[at]];
  return steps.slice(0, until !== undefined ? at + 1 : at);
}

/** The app's files after the selected steps: path → text, later blocks replacing earlier ones. */
export function appFiles(options = {}) {
  const files = new Map();
  for (const step of selectSteps(options)) {
    for (const block of fencedBlocks(readFileSync(step.path, 'utf8'))) {
      if (block.title) files.set(block.title, { text: block.text, source: `${step.name}:${block.line}` });
    }
  }
  return files;
}

/** The `npm` commands of shell blocks (of the selected steps, or of one page's section). */
export function commands({ page, section, ...options } = {}) {
  let texts;
  if (page) {
    let markdown = readFileSync(join(options.dir ?? TUTORIAL_DIR, page), 'utf8');
    if (section) markdown = sectionOf(markdown, section, page);
    texts = [markdown];
  } else {
    texts = selectSteps(options).map((step) => readFileSync(step.path, 'utf8'));
  }
  return texts
    .flatMap((markdown) => fencedBlocks(markdown).filter((block) => block.lang === 'sh'))
    .flatMap((block) => block.lines.map((line) => line.trim()))
    .filter((line) => /^npm /.test(line) && !/^npm (run|start|test)\b/.test(line));
}

/** The text under the heading `## SECTION`, up to the next heading of that level or above. */
function sectionOf(markdown, section, page) {
  const lines = [];
  let inside = false;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,2}) (.*)$/.exec(line);
    if (heading) inside = heading[2].trim() === section;
    else if (inside) lines.push(line);
  }
  if (lines.length === 0) throw new Error(`docs/tutorial/${page} has no "## ${section}" section`);
  return lines.join('\n');
}

/** Write the app's files into `out`; returns their paths. */
export function writeApp(out, options = {}) {
  const files = appFiles(options);
  for (const [path, { text }] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  return [...files.keys()];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(`--${name}`);
    return at < 0 ? undefined : args.splice(at, 2)[1];
  };
  const selection = {
    until: option('until'),
    before: option('before'),
    step: option('step'),
    page: option('page'),
    section: option('section'),
  };
  if (args[0] === '--commands') {
    console.log(commands(selection).join('\n'));
  } else if (args.length === 1 && !args[0].startsWith('--')) {
    console.log(writeApp(args[0], selection).join('\n'));
  } else {
    console.error(
      'Usage: node .ci/tutorial-app.mjs OUT_DIR [--until STEP | --before STEP]\n       node .ci/tutorial-app.mjs --commands [--until STEP | --before STEP | --step STEP | --page PAGE [--section HEADING]]',
    );
    process.exit(2);
  }
}
