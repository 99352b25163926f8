import {
  ArchiveIndexView,
  DateDetailView,
  DayArchiveView,
  MonthArchiveView,
  TodayArchiveView,
  WeekArchiveView,
  YearArchiveView,
} from '../../src/index.js';
import { NOW } from './archive.js';

// The date views of the date tests, on a clock set to NOW (as Django's tests/generic_views/views.py
// shares its views between test modules).

export class Archive extends ArchiveIndexView {
  override now() {
    return NOW;
  }
}
export class YearArchive extends YearArchiveView {
  override now() {
    return NOW;
  }
}
export class MonthArchive extends MonthArchiveView {
  override now() {
    return NOW;
  }
}
export class WeekArchive extends WeekArchiveView {
  override now() {
    return NOW;
  }
}
export class DayArchive extends DayArchiveView {
  override now() {
    return NOW;
  }
}
export class TodayArchive extends TodayArchiveView {
  override now() {
    return NOW;
  }
}
export class EntryDateDetail extends DateDetailView {
  override now() {
    return NOW;
  }
}

/** The part of a page's dump (`key=value;`) for `key`. */
export function part(text: string, key: string): string | undefined {
  return new RegExp(`(?:^|[;|])${key}=([^;]*);`).exec(text)?.[1];
}
