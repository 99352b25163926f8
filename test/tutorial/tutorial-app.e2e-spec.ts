import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Type } from '@nestjs/common';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import request from 'supertest';
import { appFiles, type StepSelection, tutorialSteps, TUTORIAL_DIR } from '../../.ci/tutorial-app.mjs';
import { walkTutorialApp } from '../../.ci/tutorial-walk.mjs';
import { createApp, PLATFORMS } from '../utils/platforms.js';

/*
 * docs/tutorial/ builds an app from its code blocks (.ci/tutorial-app.mjs). Here the app of
 * every step is type-checked against this repository's src/ and started as a reader runs it
 * after that step, and the finished app is served on Express and Fastify and walked page by
 * page, so that a tutorial which no longer works fails `npm test`. .ci/package-check.sh
 * builds the same app against the packed package.
 */

const root = resolve(import.meta.dirname, '../..');
/** Inside the project, so the apps resolve @nestjs/*, typeorm and the rest from its node_modules. */
const work = join(root, 'node_modules/.cache/tutorial-app');
const library = join(root, 'src/index.ts');

/** Write `files` (path → text) into `dir`, an ES module package as the tutorial's `npm pkg set` makes it. */
function writeFiles(dir: string, files: Map<string, { text: string }>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, { text }] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
}

/** `docs/tutorial/PAGE:LINE: TS1234: message` for each error in a step's app. */
function typeErrors(): string[] {
  const steps = tutorialSteps();
  const roots: string[] = [];
  /** Each written .ts file → the page and line of the block it came from. */
  const sources = new Map<string, string>();
  let options: ts.CompilerOptions = {};
  for (const step of steps) {
    const dir = join(work, `step-${step.number}`);
    const files = appFiles({ until: step.number });
    writeFiles(dir, files);
    const tsconfig = files.get('tsconfig.json');
    if (tsconfig) options = ts.convertCompilerOptionsFromJson(JSON.parse(tsconfig.text).compilerOptions, dir).options;
    for (const [path, { source }] of files) {
      if (!path.endsWith('.ts')) continue;
      roots.push(join(dir, path));
      sources.set(join(dir, path), source);
    }
  }
  // The tutorial's own compiler options, with the package resolved to this repository's source.
  const program = ts.createProgram(roots, {
    ...options,
    outDir: undefined,
    rootDir: undefined,
    noEmit: true,
    skipLibCheck: true,
    paths: { 'nestjs-class-views': [library] },
  });
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of roots) {
    const sourceFile = program.getSourceFile(file)!;
    diagnostics.push(...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile));
  }
  return diagnostics.map((diagnostic) => {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    if (!diagnostic.file) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const [page, blockLine] = sources.get(diagnostic.file.fileName)!.split(':');
    return `docs/tutorial/${page}:${Number(blockLine) + line} (${relative(work, diagnostic.file.fileName)}): ${message}`;
  });
}

/**
 * The app after the selected steps (all by default) in `work/NAME`, its TypeScript turned
 * into JavaScript that imports the library from src/; returns its root module.
 */
async function buildApp(name: string, selection: StepSelection = {}): Promise<Type<unknown>> {
  const dir = join(work, name);
  const files = appFiles(selection);
  writeFiles(dir, files);
  for (const [path, { text }] of files) {
    if (!path.startsWith('src/')) continue;
    const out = join(dir, 'dist', relative('src', path)).replace(/\.ts$/, '.js');
    const fromOut = relative(dirname(out), library).replace(/\.ts$/, '.js');
    const source = text.replaceAll("from 'nestjs-class-views'", `from '${fromOut}'`);
    const { outputText } = ts.transpileModule(source, {
      fileName: path,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ES2022,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  const { AppModule } = (await import(join(dir, 'dist/app.module.js'))) as { AppModule: Type<unknown> };
  return AppModule;
}

/** Run `body` in a new empty folder (the app writes bookshelf.sqlite where it starts), then remove it. */
async function inEmptyFolder<T>(body: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  const folder = mkdtempSync(join(tmpdir(), 'tutorial-app-'));
  process.chdir(folder);
  try {
    return await body();
  } finally {
    process.chdir(cwd);
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('docs/tutorial', () => {
  it('links every step from its README, in order', () => {
    const index = readFileSync(join(TUTORIAL_DIR, 'README.md'), 'utf8');
    const linked = [...index.matchAll(/\]\((\d+-[\w-]+\.md)\)/g)].map((match) => match[1]);
    const steps = tutorialSteps().map((step) => step.name);
    expect([...new Set(linked)]).toEqual(steps);
    expect(tutorialSteps().map((step) => step.number)).toEqual(steps.map((_, i) => i + 1));
  });

  it('links only to files that exist', () => {
    const broken = readdirSync(TUTORIAL_DIR)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) =>
        [...readFileSync(join(TUTORIAL_DIR, name), 'utf8').matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)]
          .filter((match) => !/^[a-z]+:/.test(match[1]) && !existsSync(join(TUTORIAL_DIR, match[1])))
          .map((match) => `${name}: ${match[1]}`),
      );
    expect(broken).toEqual([]);
  });

  it("type-checks the app of every step against src/ (the tutorial's tsconfig: strict, noImplicitOverride)", () => {
    expect(typeErrors().join('\n')).toBe('');
  }, 120_000);
});

describe('the tutorial app after each step, on Express', () => {
  const steps = tutorialSteps().filter((step) => !step.name.includes('fastify'));

  it.each(steps.map((step) => [step.name, step.number] as const))(
    'starts after %s and serves its pages',
    async (_name, number) => {
      const AppModule = await buildApp(`step-${number}-served`, { until: number });
      await inEmptyFolder(async () => {
        const app = await createApp('express', AppModule);
        try {
          const server = app.getHttpServer();
          const home = await request(server).get('/').accept('html');
          expect([home.status, home.text]).toEqual([200, expect.stringContaining('<h1>Bookshelf</h1>')]);
          if (number > 1) {
            const list = await request(server).get('/books/').accept('html');
            expect([list.status, list.text]).toEqual([200, expect.stringContaining('<h1>Books</h1>')]);
          }
        } finally {
          await app.close();
        }
      });
    },
    60_000,
  );
});

describe.each(PLATFORMS)('the tutorial app, finished, on %s', (platform) => {
  let AppModule: Type<unknown>;

  beforeAll(async () => {
    AppModule = await buildApp(`finished-${platform}`);
  }, 60_000);

  it('serves every page as the tutorial says: list, detail, create with CSRF and a message, update, pagination, delete, 404 pages', async () => {
    const walked = await inEmptyFolder(async () => {
      const app = await createApp(platform, AppModule);
      try {
        await app.listen(0, '127.0.0.1');
        const lines: string[] = [];
        await walkTutorialApp(await app.getUrl(), (line) => lines.push(line));
        return lines;
      } finally {
        await app.close();
      }
    });
    expect(walked).toHaveLength(7);
  }, 60_000);
});
