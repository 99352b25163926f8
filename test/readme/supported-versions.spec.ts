import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  description: string;
  engines: { node: string };
  peerDependencies: Record<string, string>;
};

/** `^11.2.0 || ^12.0.0` → `11.2 and 12`: each major with its lowest minor when above 0. */
function majors(range: string): string {
  const versions = range.split('||').map((part) => {
    const [major, minor] = part.trim().replace(/^\^/, '').split('.');
    return minor === '0' ? major : `${major}.${minor}`;
  });
  return versions.join(' and ');
}

/** The one statement of the supported versions, as package.json's engines and peerDependencies give them. */
function expectedStatement(): string {
  const node = manifest.engines.node.replace(/^>=/, '');
  const nest = majors(manifest.peerDependencies['@nestjs/core']);
  const [typeormLowest, typeormNext] = manifest.peerDependencies.typeorm
    .split('||')
    .map((part) => part.trim().replace(/^\^/, ''));
  const typeorm = `${typeormLowest}+ or ${typeormNext.split('.')[0]}.x`;
  return `NestJS ${nest}, Node ${node}+, TypeORM ${typeorm}`;
}

/** The `Supported: **…**` statement of a Markdown file. */
function statementOf(file: string): string | undefined {
  return /Supported: \*\*([^*]+)\*\*/.exec(readFileSync(join(root, file), 'utf8').replace(/\s+/g, ' '))?.[1];
}

describe('the supported versions', () => {
  it('are stated the same in README.md and docs/topics/versions.md, as package.json declares them', () => {
    expect(expectedStatement()).toBe('NestJS 11.2 and 12, Node 20.19+, TypeORM 0.3.20+ or 1.x');
    expect(statementOf('README.md')).toBe(expectedStatement());
    expect(statementOf('docs/topics/versions.md')).toBe(expectedStatement());
  });

  it("match package.json's description", () => {
    const node = manifest.engines.node.replace(/^>=/, '');
    expect(manifest.description).toContain(
      `NestJS ${majors(manifest.peerDependencies['@nestjs/core'])} (Node ${node}+)`,
    );
  });
});
