import { DEFAULT_TAGS } from './message-constants.js';

/**
 * One message (Django's `Message`): a level, the text and extra tags. A template prints
 * it as its text (`{{ message }}`) and styles it with `message.tags`.
 */
export class Message {
  /** The tag of each level, for `levelTag`: Django's defaults with the `messages.tags` option over them. */
  levelTags: Readonly<Record<number, string>> = DEFAULT_TAGS;

  constructor(
    /** The level (`INFO` is 20, see `DEFAULT_LEVELS`). */
    readonly level: number,
    /** The text. */
    readonly message: string,
    /** Tags added before the level's tag, separated by spaces; `null` for none. Default `null`. */
    readonly extraTags: string | null = null,
    /** Whether the text is marked safe HTML (Django's `mark_safe()`); kept through the cookie. Default `false`. */
    readonly safe = false,
  ) {}

  /** The level's tag (`'success'`), or `''` for a level without one (Django's `level_tag`). */
  get levelTag(): string {
    return this.levelTags[this.level] ?? '';
  }

  /** The extra tags, then the level's tag, space separated (Django's `tags`): `'flash success'`. */
  get tags(): string {
    return [this.extraTags, this.levelTag].filter((tag) => tag).join(' ');
  }

  /** Same level and text (Django's `__eq__`). */
  equals(other: Message): boolean {
    return this.level === other.level && this.message === other.message;
  }

  /** The text. */
  toString(): string {
    return this.message;
  }
}
