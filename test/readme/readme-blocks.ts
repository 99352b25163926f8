/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The info string after the opening fence (`ts`, `html`, …). */
  lang: string;
  /** 1-based line number of the block's first line of code (after the fence). */
  line: number;
  /** The lines of code. */
  lines: string[];
}

/** Every fenced block of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: CodeBlock | null = null;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^\s*```(\S*)/.exec(text);
    if (open === null && fence) open = { lang: fence[1], line: index + 2, lines: [] };
    else if (open !== null && /^\s*```\s*$/.test(text)) {
      blocks.push(open);
      open = null;
    } else if (open !== null) open.lines.push(text);
  });
  return blocks;
}

/** The first line of a block that is deliberately not a complete file (and is not compiled). */
export const EXCERPT_MARKER = '// excerpt';

/** A source file inside a block: `// path/to/file.ts` starts one. */
export interface BlockFile {
  path: string;
  /** Index in `block.lines` of the file's first line. */
  offset: number;
  text: string;
}

const FILE_HEADER = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.ts)(?:,.*)?$/;

/** Split a block into the files its `// name.ts` comments name (`snippet.ts` before any). */
export function blockFiles(block: CodeBlock): BlockFile[] {
  const dedent = Math.min(...block.lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  const lines = block.lines.map((l) => l.slice(dedent));
  const files: BlockFile[] = [];
  lines.forEach((text, index) => {
    const header = FILE_HEADER.exec(text);
    if (header || index === 0) files.push({ path: header?.[1] ?? 'snippet.ts', offset: index, text: '' });
    files[files.length - 1].text += `${text}\n`;
  });
  return files.filter((file) => file.text.trim());
}
