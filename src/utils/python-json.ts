/**
 * Python's `json.dumps()` with its defaults, which Django's `as_json()` uses: `", "` and
 * `": "` between items, every character outside printable ASCII escaped (`\u201c`, lower
 * case hex, a pair of escapes above U+FFFF), keys in insertion order. For plain data:
 * objects, arrays, strings, finite numbers, booleans and `null`. `compact` writes `,` and
 * `:` instead (`separators=(",", ":")`, as Django's message cookie).
 */
export function pythonJsonDumps(value: unknown, compact = false): string {
  if (typeof value === 'string') return quote(value);
  const [comma, colon] = compact ? [',', ':'] : [', ', ': '];
  if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item, compact)).join(comma)}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${quote(key)}${colon}${pythonJsonDumps(item, compact)}`)
      .join(comma)}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A JSON string as Python's `ensure_ascii` writes it. */
function quote(text: string): string {
  return `"${text.replace(/["\\]|[^ -~]/g, (char) => SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
