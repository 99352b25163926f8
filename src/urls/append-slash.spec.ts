import { describe, expect, it } from '@jest/globals';
import { slashedLocation } from './append-slash.js';

describe('slashedLocation', () => {
  it('adds the slash to the path and keeps the query', () => {
    expect(slashedLocation('/books/7?x=%E2%9C%93')).toBe('/books/7/?x=%E2%9C%93');
  });

  it('never builds a Location that leaves the host', () => {
    expect(slashedLocation('//evil.example/about')).toBe('/%2Fevil.example/about/');
    expect(slashedLocation('/\\evil.example')).toBe('/%5Cevil.example/');
  });
});
