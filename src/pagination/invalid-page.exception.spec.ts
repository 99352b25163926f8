import { describe, expect, it } from '@jest/globals';
import { EmptyPage, InvalidPage, PageNotAnInteger } from './invalid-page.exception.js';

describe('InvalidPage', () => {
  it('is an Error named InvalidPage', () => {
    const error = new InvalidPage('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidPage');
  });

  it('has PageNotAnInteger as a subclass named PageNotAnInteger', () => {
    const error = new PageNotAnInteger('That page number is not an integer');
    expect(error).toBeInstanceOf(InvalidPage);
    expect(error.name).toBe('PageNotAnInteger');
  });

  it('has EmptyPage as a subclass named EmptyPage', () => {
    const error = new EmptyPage('That page contains no results');
    expect(error).toBeInstanceOf(InvalidPage);
    expect(error.name).toBe('EmptyPage');
  });
});
