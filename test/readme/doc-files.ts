import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders of docs/ that other checks own: the tutorial (test/tutorial/) and the generated API reference. */
export const CHECKED_ELSEWHERE = ['docs/tutorial/', 'docs/reference/api/'];

/** README.md and every Markdown file under docs/, as paths relative to `root` with `/`, sorted. */
export function documentationFiles(root: string): string[] {
  const found: string[] = ['README.md'];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(join(root, 'docs'));
  return found.filter((file) => !CHECKED_ELSEWHERE.some((folder) => file.startsWith(folder))).sort();
}
