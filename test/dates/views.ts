import {
  ArchiveIndexView,
  DateDetailView,
  DayArchiveView,
  MonthArchiveView,
  TodayArchiveView,
  type View,
  WeekArchiveView,
  YearArchiveView,
} from '../../src/index.js';
import type { ViewConstructor } from '../../src/mixins/view-constructor.js';
import { NOW } from './archive.js';

// The date views of the date tests, on a clock set to NOW (as Django's tests/generic_views/views.py
// shares its views between test modules).

/** A date view whose clock reads NOW. */
function Clocked<TBase extends ViewConstructor<View & { now(): Date }>>(Base: TBase) {
  abstract class ClockedView extends Base {
    override now() {
      return NOW;
    }
  }
  return ClockedView;
}

export class Archive extends Clocked(ArchiveIndexView) {}
export class YearArchive extends Clocked(YearArchiveView) {}
export class MonthArchive extends Clocked(MonthArchiveView) {}
export class WeekArchive extends Clocked(WeekArchiveView) {}
export class DayArchive extends Clocked(DayArchiveView) {}
export class TodayArchive extends Clocked(TodayArchiveView) {}
export class EntryDateDetail extends Clocked(DateDetailView) {}

/** The part of a page's dump (`key=value;`) for `key`. */
export function part(text: string, key: string): string | undefined {
  return new RegExp(`(?:^|[;|])${key}=([^;]*);`).exec(text)?.[1];
}
