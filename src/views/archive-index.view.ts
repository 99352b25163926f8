import { emptySourceOf } from '../data/empty-source.js';
import type { ObjectSource } from '../data/object-source.interface.js';
import type { Queryset } from '../data/to-object-source.js';
import { MultipleObjectTemplateResponseMixin } from '../mixins/multiple-object-template-response.mixin.js';
import { BaseDateListView, type DatedItems } from './date-list.view.js';

/**
 * Django's `BaseArchiveIndexView`: the latest objects, as `latest` (and `object_list`),
 * with the years that have objects, newest first, as `date_list`.
 */
export class BaseArchiveIndexView<T = any> extends BaseDateListView<T> {
  /** The context name of the objects. Default `'latest'`. */
  override contextObjectName: string | null = 'latest';

  override async getDatedItems(): Promise<DatedItems<T>> {
    // getDateList() answers the 404 of an empty archive.
    const source = await this.getDatedQueryset({}, undefined, { checkEmpty: false });
    const dateList = await this.getDateList(source, undefined, 'DESC');
    return [dateList, dateList.length > 0 ? source : emptySourceOf(source), {}];
  }
}

/**
 * Django's `ArchiveIndexView`: `BaseArchiveIndexView` rendered with `templateName` or
 * `<model>_archive.html`.
 *
 * @example
 * @ClassView('archive/', { name: 'archive' })
 * export class BookArchiveView extends ArchiveIndexView<Book> {
 *   model = Book;
 *   dateField = 'publicationDate';
 * }
 */
export class ArchiveIndexView<T = any> extends MultipleObjectTemplateResponseMixin(BaseArchiveIndexView) {
  /** Where the objects come from, typed as `T`: a TypeORM repository or query builder, an array or an `ObjectSource`. Default `null`: use `model`. */
  declare queryset: Queryset<T> | null;
  /** The objects listed, typed as `T`: set by `get()` before the context is built. */
  declare objectList: ObjectSource<T> | null;
  /** Appended to the model name for the default template. Default `'_archive'`. */
  override templateNameSuffix = '_archive';
}
