// Checks that a documentation move lost nothing: every fenced code block and every paragraph
// (or list item, or table row) of README.md at an earlier commit is still found in README.md,
// CONTRIBUTING.md or docs/**/*.md, compared with whitespace collapsed. Prints what is missing.
// Usage: node .ci/docs-kept.mjs [REF]   (REF defaults to main)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ref = process.argv[2] ?? 'main';
const before = execFileSync('git', ['show', `${ref}:README.md`], { encoding: 'utf8' });
const files = ['README.md', 'CONTRIBUTING.md'];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(dir, entry.name));
    else if (entry.name.endsWith('.md')) files.push(join(dir, entry.name));
  }
})('docs');
const after = files.map((file) => readFileSync(file, 'utf8')).join('\n');

const squash = (text) => text.replace(/\s+/g, ' ').trim();
/** Prose without what a move rewrites: link targets, bold, heading marks, a bold lead's period. */
const plain = (text) =>
  squash(
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/\]\([^)]*\)/g, ']')
          .replace(/\*\*([^*]+?)\.?\*\*/g, '$1')
          .replace(/^#+ /, ''),
      )
      .join('\n')
      .replace(/\*\*/g, ''),
  );
/** Blocks and prose pieces of a Markdown text. */
function pieces(markdown) {
  const blocks = [];
  const prose = [];
  let block = null;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) prose.push(paragraph.join(' '));
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    if (block === null && /^\s*```/.test(line)) {
      flush();
      block = [];
    } else if (block !== null && /^\s*```\s*$/.test(line)) {
      blocks.push(block.join('\n'));
      block = null;
    } else if (block !== null) block.push(line);
    else if (/^\s*$/.test(line) || /^#/.test(line)) {
      flush();
      if (/^#/.test(line)) prose.push(line.replace(/^#+\s*/, ''));
    } else if (/^\s*(- |\|)/.test(line)) {
      flush();
      paragraph.push(line.replace(/^\s*- /, ''));
    } else paragraph.push(line);
  }
  flush();
  return { blocks, prose };
}

const { blocks } = pieces(before);
const { blocks: blocksAfter } = pieces(after);
const kept = new Set(blocksAfter.map(squash));
const missingBlocks = blocks.filter((block) => !kept.has(squash(block)));
// Prose is compared sentence by sentence: a page may wrap, split or introduce a paragraph.
const text = plain(after).toLowerCase();
const sentences = pieces(before)
  .prose.flatMap((piece) => plain(piece).split(/(?<=[.:;!?])\s+(?=[A-Z`(])/))
  .filter((sentence) => sentence.length > 12)
  .map((sentence) => sentence.replace(/\.$/, ''));
const missingProse = sentences.filter((sentence) => !text.includes(sentence.toLowerCase()));

console.log(`${blocks.length} code blocks before, ${missingBlocks.length} not found verbatim after`);
for (const block of missingBlocks) console.log(`--- block:\n${block}\n`);
console.log(`${sentences.length} sentences before, ${missingProse.length} not found verbatim after`);
for (const sentence of missingProse) console.log(`--- ${sentence}`);
process.exitCode = missingBlocks.length + missingProse.length === 0 ? 0 : 1;
