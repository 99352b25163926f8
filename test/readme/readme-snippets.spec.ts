import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { documentationFiles } from './doc-files.js';
import { blockFiles, codeBlocks, EXCERPT_MARKER, type CodeBlock } from './readme-blocks.js';

const root = resolve(import.meta.dirname, '../..');
/** Inside the project, so the snippets resolve @nestjs/*, typeorm and the rest from its node_modules. */
const work = join(root, 'node_modules/.cache/readme-snippets');
const packageDir = join(work, 'node_modules/nestjs-class-views');

/** What a user's strict project checks, against the published declarations. */
const snippetOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  strict: true,
  noImplicitOverride: true,
  skipLibCheck: false,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
  noEmit: true,
};

/** Emit the package's declarations (as `npm pack` ships them) into node_modules/nestjs-class-views. */
function buildPackage(): void {
  rmSync(work, { recursive: true, force: true });
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  // noCheck: the package's own type check is `npm run typecheck`; here only its declarations matter.
  const options = {
    ...config.options,
    outDir: join(packageDir, 'dist'),
    emitDeclarationOnly: true,
    declaration: true,
    sourceMap: false,
    noCheck: true,
  };
  const result = ts.createProgram(config.fileNames, options).emit();
  if (result.emitSkipped) throw new Error('The package declarations could not be emitted');
  copyFileSync(join(root, 'package.json'), join(packageDir, 'package.json'));
  // The declarations import '.js' files; an empty module stands for each.
  for (const file of ts.sys.readDirectory(join(packageDir, 'dist'), ['.d.ts'])) {
    writeFileSync(file.replace(/\.d\.ts$/, '.js'), 'export {};\n');
  }
}

/** The ```ts blocks of one Markdown file, by its path from the project's root. */
interface Document {
  file: string;
  blocks: CodeBlock[];
}

interface Located {
  file: string;
  block: CodeBlock;
  offset: number;
}

/**
 * Write every ```ts block as its own little project; map each file back to its Markdown line.
 * A block may import a file that an earlier block of the same page names (`// book.entity.ts`):
 * each page stands alone, so nothing carries over from one page to the next.
 */
function writeSnippets(documents: Document[]): { roots: string[]; located: Map<string, Located> } {
  const roots: string[] = [];
  const located = new Map<string, Located>();
  writeFileSync(join(work, 'package.json'), '{ "type": "module" }\n');
  for (const { file: markdown, blocks } of documents) {
    /** Files named by earlier blocks of this page, which later blocks import. */
    const earlier = new Map<string, string>();
    for (const block of blocks) {
      const dir = join(work, `${markdown.replace(/[/.]/g, '-')}-line-${block.line}`);
      const files = blockFiles(block);
      for (const [path, text] of [...earlier, ...files.map((file) => [file.path, file.text] as const)]) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      for (const file of files) {
        roots.push(join(dir, file.path));
        located.set(join(dir, file.path), { file: markdown, block, offset: file.offset });
        if (file.path !== 'snippet.ts') earlier.set(file.path, file.text);
      }
    }
  }
  return { roots, located };
}

/** `docs/x.md:LINE: TS1234: message` for each error, in a Markdown block or in the package's declarations. */
function describeErrors(diagnostics: readonly ts.Diagnostic[], located: Map<string, Located>): string[] {
  return diagnostics.flatMap((diagnostic) => {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    if (!diagnostic.file) return [message];
    const place = located.get(diagnostic.file.fileName);
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    if (place) {
      return [
        `${place.file}:${place.block.line + place.offset + line} (the \`\`\`ts block at line ${place.block.line - 1}): ${message}`,
      ];
    }
    if (diagnostic.file.fileName.startsWith(packageDir)) {
      return [`${relative(packageDir, diagnostic.file.fileName)}:${line + 1} (published declarations): ${message}`];
    }
    return []; // a file copied from an earlier block is checked with that block
  });
}

describe('the TypeScript blocks of README.md and docs/ (the tutorial is checked by test/tutorial/)', () => {
  const documents: Document[] = documentationFiles(root).map((file) => ({
    file,
    blocks: codeBlocks(readFileSync(join(root, file), 'utf8')).filter((block) => block.lang === 'ts'),
  }));
  const compiled = documents.map(({ file, blocks }) => ({
    file,
    blocks: blocks.filter((block) => !block.lines[0]?.trim().startsWith(EXCERPT_MARKER)),
  }));
  const count = (docs: Document[]) => docs.reduce((sum, doc) => sum + doc.blocks.length, 0);
  let errors: string[] = [];

  beforeAll(() => {
    buildPackage();
    const { roots, located } = writeSnippets(compiled);
    const program = ts.createProgram(roots, snippetOptions);
    errors = describeErrors(ts.getPreEmitDiagnostics(program), located).sort(byPlace);
  }, 180_000);

  it('has TypeScript blocks, and few of them marked as excerpts', () => {
    expect(count(compiled)).toBeGreaterThan(50);
    expect(count(documents) - count(compiled)).toBeLessThanOrEqual(3);
  });

  it('type-checks every ```ts block against the built package (strict, noImplicitOverride, skipLibCheck off)', () => {
    const advice = 'Fix each block named below (a block that is deliberately partial starts with `// excerpt`):';
    expect(errors.length === 0 ? '' : [advice, ...errors].join('\n')).toBe('');
  });
});

/** Errors in the package's declarations first, then by file and line. */
function byPlace(a: string, b: string): number {
  const place = (error: string): [string, number] => {
    const match = /^(\S+\.md):(\d+)/.exec(error);
    return match ? [match[1], Number(match[2])] : ['', 0];
  };
  const [fileA, lineA] = place(a);
  const [fileB, lineB] = place(b);
  return fileA === fileB ? lineA - lineB : fileA < fileB ? -1 : 1;
}
