/**
 * Read an integer as Python's `int()` does, which Django's page parsing relies on:
 * surrounding whitespace, a sign, underscores between digits (`1_0`) and any Unicode
 * decimal digits (`２`) are accepted; `2.0`, `1e0`, `0x2` are not. Numbers must be
 * integral; `true` is 1. Returns `null` for anything else.
 */
export function parseInteger(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)\s*$/u.exec(value.normalize('NFKC'));
  if (!match) return null;
  let digits = '';
  for (const char of match[2]) {
    if (char !== '_') digits += String(decimalValue(char));
  }
  const number = Number(digits);
  return match[1] === '-' ? -number : number;
}

/** The value of one decimal digit: each script's digits are a run of ten starting at its zero. */
function decimalValue(char: string): number {
  const code = char.codePointAt(0)!;
  let zero = code;
  while (code - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return code - zero;
}
