/**
 * Python's `json.dumps()` with its defaults, which Django's `as_json()` uses: `", "` and
 * `": "` between items, every character outside printable ASCII escaped (`\u201c`, lower
 * case hex, a pair of escapes above U+FFFF), keys in insertion order. For plain data:
 * objects, arrays, strings, finite numbers, booleans and `null`.
 */
export function pythonJsonDumps(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${quote(key)}: ${pythonJsonDumps(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A JSON string as Python's `ensure_ascii` writes it. */
function quote(text: string): string {
  return `"${text.replace(/["\\]|[^ -~]/g, (char) => SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
