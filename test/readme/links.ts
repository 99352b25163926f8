import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * The anchor GitHub gives a heading's text: lower case, every character dropped but letters,
 * marks, digits, `_`, `-` and spaces, and each space turned into `-` (github-slugger's rule).
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** A heading's text as GitHub renders it: code spans, links and emphasis reduced to their text. */
function headingText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*)/g, '')
    .trim();
}

/** The lines of `markdown` outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  /** The opening fence while inside a block (` ``` ` or `~~~`, possibly longer). */
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker?.[0] === fence[0] && marker.length >= fence.length && text.trim() === marker)
      fence = null;
    else if (fence === null) lines.push({ text, line: index + 1 });
  });
  return lines;
}

/** Every anchor the headings of `markdown` get on GitHub, repeats numbered `-1`, `-2`… as GitHub does. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const slug = githubSlug(headingText(heading[1]));
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** A link of a Markdown file: `[text](target)` or `![alt](target)` outside code. */
export interface MarkdownLink {
  line: number;
  text: string;
  target: string;
}

/** Every inline link of `markdown` outside fenced blocks and code spans. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text, line } of proseLines(markdown)) {
    // A code span's brackets are code, not a link; its text stays for the message.
    const prose = text.replace(/(`+)(?:(?!\1).)*?\1/g, (span) => span.replace(/[[\]()]/g, ' '));
    for (const match of prose.matchAll(/!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, text: match[1], target: match[2] });
    }
  }
  return links;
}

/** Whether `target` leaves the repository's files: a URL with a scheme, or protocol-relative. */
function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/**
 * What is wrong with each relative link of `files` (paths from `root`, `/`-separated): a file or
 * folder that does not exist, or an `#anchor` that no heading of the target gives. A missing
 * target under one of `allowMissing` (a file, or a folder ending in `/`) is let through.
 */
export function brokenLinks(root: string, files: readonly string[], allowMissing: readonly string[] = []): string[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    if (!anchorsOf.has(file)) anchorsOf.set(file, headingAnchors(readFileSync(join(root, file), 'utf8')));
    return anchorsOf.get(file)!;
  };
  const problems: string[] = [];
  for (const file of files) {
    for (const { line, text, target } of markdownLinks(readFileSync(join(root, file), 'utf8'))) {
      if (isExternal(target)) continue;
      const where = `${file}:${line}: [${text}](${target})`;
      const hash = target.indexOf('#');
      const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
      const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
      const resolved =
        pathPart === ''
          ? file
          : toPosix(normalize(pathPart.startsWith('/') ? pathPart.slice(1) : join(dirname(file), pathPart)));
      if (resolved.startsWith('..')) {
        problems.push(`${where}: points outside the repository`);
        continue;
      }
      if (!existsSync(join(root, resolved))) {
        const allowed = allowMissing.some((entry) =>
          entry.endsWith('/') ? `${resolved}/`.startsWith(entry) : resolved === entry,
        );
        if (!allowed) problems.push(`${where}: no file or folder ${resolved}`);
        continue;
      }
      if (anchor === null || anchor === '') continue;
      const page = statSync(join(root, resolved)).isDirectory() ? join(resolved, 'README.md') : resolved;
      if (!page.endsWith('.md') || !existsSync(join(root, page))) {
        problems.push(`${where}: ${resolved} has no headings for #${anchor}`);
      } else if (!anchors(toPosix(page)).has(anchor)) {
        problems.push(`${where}: no heading of ${toPosix(page)} has the anchor #${anchor}`);
      }
    }
  }
  return problems;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
