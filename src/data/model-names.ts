/** Django's `model_name`: the class name lower-cased (`BookAuthor` → `bookauthor`). */
export function modelNameOf(className: string): string {
  return className.toLowerCase();
}

/** Django's default `verbose_name`: the class name split into lower-case words (`BookAuthor` → `book author`). */
export function verboseNameOf(className: string): string {
  return className.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Django's default `verbose_name_plural`: the verbose name and an `s` (`book` → `books`). */
export function verboseNamePluralOf(verboseName: string): string {
  return `${verboseName}s`;
}
