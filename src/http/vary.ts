import type { ResponseHeaders } from './response-headers.js';

/** Add `field` to `Vary` unless it is there already (Django's `patch_vary_headers()`). */
export function patchVary(headers: ResponseHeaders, field: string): void {
  const current = headers.get('Vary');
  if (!current) return void headers.set('Vary', field);
  const fields = current.split(',').map((value) => value.trim().toLowerCase());
  if (fields.includes('*') || fields.includes(field.toLowerCase())) return;
  headers.set('Vary', `${current}, ${field}`);
}
