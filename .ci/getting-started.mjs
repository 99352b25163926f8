// Writes the app of README.md's "Getting started" into a folder: every fenced block of that
// section whose first line names a file (`// src/app.module.ts`, `{# templates/base.html #}`)
// becomes that file. `// src/main.ts, on Fastify` becomes src/main.fastify.ts.
// Usage: node .ci/getting-started.mjs README.md OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [readme, out] = process.argv.slice(2);
const text = readFileSync(readme, 'utf8');
/** The lines of the section under `heading`, up to the next heading outside a fence. */
function sectionLines(markdown, heading) {
  const lines = [];
  let inside = false;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,2} /.test(line)) inside = line === heading;
    else if (inside) lines.push(line);
  }
  if (lines.length === 0) throw new Error(`${readme} has no "${heading}" section`);
  return lines.join('\n');
}
const section = sectionLines(text, '## Getting started');

/** The fenced blocks of `markdown`, each as its text (without the fences). */
function blocks(markdown) {
  const found = [];
  let open = null;
  for (const line of markdown.split('\n')) {
    if (open === null && /^```\w*$/.test(line)) open = [];
    else if (open !== null && line === '```') {
      found.push(open.join('\n') + '\n');
      open = null;
    } else if (open !== null) open.push(line);
  }
  return found;
}

const written = [];
for (const body of blocks(section)) {
  const [first, ...rest] = body.split('\n');
  const header = /^(?:\/\/ (\S+?)(, on Fastify)?|\{# (\S+) #\})$/.exec(first.trim());
  if (!header) continue;
  let file = header[1] ?? header[3];
  if (header[2]) file = file.replace(/\.ts$/, '.fastify.ts');
  mkdirSync(dirname(join(out, file)), { recursive: true });
  // Template comments stay (they render as nothing); code headers stay as comments.
  writeFileSync(join(out, file), file.endsWith('.html') ? rest.join('\n') : body);
  written.push(file);
}
for (const needed of ['tsconfig.json', 'src/main.ts', 'src/main.fastify.ts', 'src/app.module.ts']) {
  if (!written.includes(needed)) throw new Error(`README "Getting started" no longer shows ${needed}`);
}
console.log(written.join('\n'));
