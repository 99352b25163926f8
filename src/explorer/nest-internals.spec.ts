import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('Nest internals', () => {
  it('are imported in src/explorer/nest-internals.ts only', () => {
    // Any import of a path inside a @nestjs package (`@nestjs/core/injector/...`,
    // `@nestjs/common/constants.js`, `@nestjs/common/internal`), rather than its main entry.
    const deepImport = /from '@nestjs\/[^/']+\/[^']+'/;
    const importers = sourceFiles(SRC)
      .filter((file) => deepImport.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual(['explorer/nest-internals.ts']);
  });
});
