/**
 * Make request text safe to log: control characters (newlines, ANSI escapes) from a
 * decoded path become `\xNN`, so a request cannot forge log lines (Django 4.2.22's fix).
 */
export function escapeForLog(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
