/** Escape `&`, `<`, `>`, `"` and `'` for HTML text and attribute values (Django's `escape`). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** HTML attributes: `true` renders the bare name, `false`/`null`/`undefined` leave it out. */
export type HtmlAttributes = Record<string, string | number | boolean | null | undefined>;

/** Render attributes in order, each value escaped: ` name="value" required`. */
export function renderAttributes(attrs: HtmlAttributes): string {
  let html = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    html += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return html;
}
