import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
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
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  })!;
  // noCheck: the package's own type check is `npm run typecheck`; here only its declarations matter.
  const options = { ...config.options, outDir: join(packageDir, 'dist'), emitDeclarationOnly: true, declaration: true, sourceMap: false, noCheck: true };
  const result = ts.createProgram(config.fileNames, options).emit();
  if (result.emitSkipped) throw new Error('The package declarations could not be emitted');
  copyFileSync(join(root, 'package.json'), join(packageDir, 'package.json'));
  // The declarations import '.js' files; an empty module stands for each.
  for (const file of ts.sys.readDirectory(join(packageDir, 'dist'), ['.d.ts'])) {
    writeFileSync(file.replace(/\.d\.ts$/, '.js'), 'export {};\n');
  }
}

interface Located {
  block: CodeBlock;
  offset: number;
}

/** Write every ```ts block of README.md as its own little project; map each file back to README. */
function writeSnippets(blocks: CodeBlock[]): { roots: string[]; located: Map<string, Located> } {
  const roots: string[] = [];
  const located = new Map<string, Located>();
  /** Files named by earlier blocks (`// book.entity.ts`), which later blocks import. */
  const earlier = new Map<string, string>();
  writeFileSync(join(work, 'package.json'), '{ "type": "module" }\n');
  for (const block of blocks) {
    const dir = join(work, `readme-line-${block.line}`);
    const files = blockFiles(block);
    for (const [path, text] of [...earlier, ...files.map((file) => [file.path, file.text] as const)]) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    for (const file of files) {
      roots.push(join(dir, file.path));
      located.set(join(dir, file.path), { block, offset: file.offset });
      if (file.path !== 'snippet.ts') earlier.set(file.path, file.text);
    }
  }
  return { roots, located };
}

/** `README.md:LINE: TS1234: message` for each error, in a README block or in the package's declarations. */
function describeErrors(diagnostics: readonly ts.Diagnostic[], located: Map<string, Located>): string[] {
  return diagnostics.flatMap((diagnostic) => {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    if (!diagnostic.file) return [message];
    const place = located.get(diagnostic.file.fileName);
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    if (place) {
      return [`README.md:${place.block.line + place.offset + line} (the \`\`\`ts block at line ${place.block.line - 1}): ${message}`];
    }
    if (diagnostic.file.fileName.startsWith(packageDir)) {
      return [`${relative(packageDir, diagnostic.file.fileName)}:${line + 1} (published declarations): ${message}`];
    }
    return []; // a file copied from an earlier block is checked with that block
  });
}

describe('README.md', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = codeBlocks(readme).filter((block) => block.lang === 'ts');
  const compiled = blocks.filter((block) => !block.lines[0]?.trim().startsWith(EXCERPT_MARKER));
  let errors: string[] = [];

  beforeAll(() => {
    buildPackage();
    const { roots, located } = writeSnippets(compiled);
    const program = ts.createProgram(roots, snippetOptions);
    errors = describeErrors(ts.getPreEmitDiagnostics(program), located).sort((a, b) => lineOf(a) - lineOf(b));
  }, 120_000);

  it('has TypeScript blocks, and few of them marked as excerpts', () => {
    expect(compiled.length).toBeGreaterThan(20);
    expect(blocks.length - compiled.length).toBeLessThanOrEqual(3);
  });

  it('type-checks every ```ts block against the built package (strict, noImplicitOverride, skipLibCheck off)', () => {
    const advice = 'Fix each README block named below (a block that is deliberately partial starts with `// excerpt`):';
    expect(errors.length === 0 ? '' : [advice, ...errors].join('\n')).toBe('');
  });
});

/** The README line an error names (0 for the package's declarations). */
function lineOf(error: string): number {
  return Number(/^README\.md:(\d+)/.exec(error)?.[1] ?? 0);
}
