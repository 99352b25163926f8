/**
 * Split the text of a group of parameters (`'<int:pk>-<slug:slug>'`) into the parameters'
 * values exactly as Django's regex of the route does, backtracking order included, but in
 * time linear in the text. The regex `(?<a>[-a-zA-Z0-9_]+)-(?<b>[-a-zA-Z0-9_]+)-(?<c>…)`
 * backtracks in cubic time on a segment that almost matches (2,000 characters: 1.8 s).
 *
 * Each parameter of a built-in converter matches a run of one character class (`int`,
 * `str`, `slug`, `path`) or a fixed-length text (`uuid`). Working from the last parameter
 * back, `last[i][x]` records the furthest end `e <= x` at which parameter `i` may stop so
 * that the text after it and every later parameter can still match; a greedy regex takes
 * exactly that end. Then the values are read from the first parameter on.
 */
export type GroupMatcher = (text: string) => string[] | null;

/** The character classes of the built-in converters' regexes, by regex source. */
const RUNS: Readonly<Record<string, (code: number) => boolean>> = {
  '[0-9]+': (c) => c >= 48 && c <= 57,
  '[^/]+': (c) => c !== 47,
  '[-a-zA-Z0-9_]+': (c) =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95,
  '[^\\n]+': (c) => c !== 10,
};

const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_LENGTH = 36;

/**
 * A linear matcher for parameters of these regexes between these texts (`texts.length` is
 * one more than `regexes.length`), or `null` when a regex is not a built-in converter's.
 */
export function linearGroupMatcher(texts: readonly string[], regexes: readonly string[]): GroupMatcher | null {
  const kinds = regexes.map((source) => (source === UUID_SOURCE ? 'uuid' : RUNS[source]));
  if (kinds.some((kind) => kind === undefined)) return null;
  return (text) => matchGroup(text, texts, kinds as Array<'uuid' | ((code: number) => boolean)>);
}

function matchGroup(
  text: string,
  texts: readonly string[],
  kinds: ReadonlyArray<'uuid' | ((code: number) => boolean)>,
): string[] | null {
  const n = text.length;
  if (!text.startsWith(texts[0]!)) return null;
  const last: Int32Array[] = [];
  const runs: Array<Int32Array | null> = [];
  const starts: Array<(at: number) => boolean> = [];
  let restFrom = (at: number) => at === n;
  for (let i = kinds.length - 1; i >= 0; i--) {
    const after = texts[i + 1]!;
    const rest = restFrom;
    const ends = new Int32Array(n + 1);
    let latest = -1;
    for (let end = 0; end <= n; end++) {
      if (text.startsWith(after, end) && rest(end + after.length)) latest = end;
      ends[end] = latest;
    }
    const kind = kinds[i]!;
    const run = kind === 'uuid' ? null : runLengths(text, kind);
    restFrom =
      run === null
        ? (at) => isUuidAt(text, at) && ends[at + UUID_LENGTH] === at + UUID_LENGTH
        : (at) => at < n && ends[at + run[at]!]! > at;
    last[i] = ends;
    runs[i] = run;
    starts[i] = restFrom;
  }
  const values: string[] = [];
  let at = texts[0]!.length;
  for (let i = 0; i < kinds.length; i++) {
    if (!starts[i]!(at)) return null;
    const run = runs[i];
    const end = run === null ? at + UUID_LENGTH : last[i]![at + run![at]!]!;
    values.push(text.slice(at, end));
    at = end + texts[i + 1]!.length;
  }
  return values;
}

/** For each position, how many characters from there on belong to the class. */
function runLengths(text: string, inClass: (code: number) => boolean): Int32Array {
  const run = new Int32Array(text.length + 1);
  for (let index = text.length - 1; index >= 0; index--)
    run[index] = inClass(text.charCodeAt(index)) ? run[index + 1]! + 1 : 0;
  return run;
}

const UUID = new RegExp(UUID_SOURCE, 'y');

function isUuidAt(text: string, at: number): boolean {
  if (at + UUID_LENGTH > text.length) return false;
  UUID.lastIndex = at;
  return UUID.test(text);
}
