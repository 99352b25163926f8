/** What Python's `quote(text, safe='/')` leaves: letters, digits, `_.-~` and `/`. */
const UNSAFE = /[^A-Za-z0-9_.\-~/]/gu;

/**
 * Python's `urllib.parse.quote(text, safe='/')`, as Django quotes a path or a query value:
 * every other character percent-encoded as UTF-8 (a lone surrogate as U+FFFD's bytes).
 *
 * @example
 * quote('/books/?page=2'); // '/books/%3Fpage%3D2'
 */
export function quote(text: string): string {
  return text.replace(UNSAFE, (char) => {
    let encoded = '';
    for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return encoded;
  });
}
