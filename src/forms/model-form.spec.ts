import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Column, CreateDateColumn, DataSource, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { ValidationError } from './validation-error.js';
import { BooleanField, CharField, ChoiceField, DateField, DateTimeField, FloatField, IntegerField } from './fields.js';
import { FormField } from './form-field.decorator.js';
import { bindModelForm, ModelForm, modelFormFor } from './model-form.js';
import { SlugField, URLField } from './text-fields.js';
import { MinLengthValidator } from './validators.js';
import { Textarea } from './widgets.js';

@Entity()
class Article {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 120 })
  headline!: string;

  @Column('text')
  body!: string;

  @Column({ type: 'varchar', nullable: true })
  subtitle!: string | null;

  @Column({ default: 0 })
  views!: number;

  @Column('real')
  rating!: number;

  @Column({ default: false })
  published!: boolean;

  @Column('date')
  issue!: string;

  @Column('datetime')
  publishedAt!: Date;

  @Column({ type: 'simple-enum', enum: ['news', 'review'] })
  kind!: string;

  @CreateDateColumn()
  created!: Date;
}

@Entity()
class Post {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 50 })
  @FormField(SlugField)
  slug!: string;

  @FormField({ validators: [new MinLengthValidator(3)] })
  @Column({ length: 120 })
  title!: string;

  @Column({ type: 'varchar', nullable: true })
  @FormField({
    field: URLField,
    validators: [
      (value: string) => {
        if (!value.startsWith('https:')) throw new ValidationError('Use https.', 'insecure');
      },
    ],
  })
  website!: string | null;

  @Column('text')
  body!: string;
}

/** A subclass keeps the form fields its parent's columns declare. */
@Entity()
class GuestPost extends Post {
  @Column({ default: '' })
  guest!: string;
}

@Entity()
class Shelf {
  @PrimaryGeneratedColumn()
  id!: number;
}

@Entity()
class Tag {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ unique: true })
  slug!: string;

  @Column({ default: '' })
  label!: string;

  @Column({ type: 'integer', nullable: true })
  @ForeignKey(() => Shelf)
  shelfId!: number | null;
}

/** An entity without unique columns, whose form checks a rule of its own in `validateUnique()`. */
@Entity()
class Note {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ default: '' })
  text!: string;
}

class NoteForm extends ModelForm<Note> {
  static override meta = { model: Note, fields: ['text'] };

  override async validateUnique() {
    await super.validateUnique();
    if (this.cleanedData.text === 'dup') this.addError('text', new ValidationError('Already noted.', 'unique'));
  }
}

/** Django's declared ModelForm: `meta`, a per-field hook, `clean()`. */
class TagForm extends ModelForm<Tag> {
  static override meta = { model: Tag, fields: ['slug', 'label', 'shelfId'] };
  readonly calls: string[] = [];

  cleanSlug() {
    this.calls.push('cleanSlug');
    return String(this.cleanedData.slug).toLowerCase();
  }

  override clean() {
    this.calls.push('clean');
    if (this.cleanedData.label === 'clean-error') throw new ValidationError('Not that label.');
  }

  override async validateUnique() {
    this.calls.push('validateUnique');
    await super.validateUnique();
  }
}

describe('ModelForm outside a view: unique checks after clean(), save()', () => {
  let dataSource: DataSource;
  let Form: ReturnType<typeof bindModelForm<TagForm>>;
  beforeAll(async () => {
    dataSource = new DataSource({ type: 'sqljs', entities: [Tag, Shelf, Note], synchronize: true });
    await dataSource.initialize();
    Form = bindModelForm(TagForm, dataSource.getMetadata(Tag));
  });
  beforeEach(async () => {
    await dataSource.getRepository(Tag).clear();
    await dataSource.getRepository(Tag).insert({ slug: 'taken' });
  });
  afterAll(() => dataSource.destroy());

  it('runs clean<Name>(), then clean(), then validateUnique() (Django’s _post_clean), which sees the cleaned value', async () => {
    const form = new Form({ data: { slug: 'TAKEN', label: 'x' } });
    expect(await form.isValid()).toBe(false);
    expect(form.calls).toEqual(['cleanSlug', 'clean', 'validateUnique']);
    expect(form.errors.toJSON()).toEqual({ slug: ['Tag with this Slug already exists.'] });
    expect(form.hasError('slug', 'unique')).toBe(true);
  });

  it('calls an overridden validateUnique() on an entity without unique columns too', async () => {
    const NoteModelForm = bindModelForm(NoteForm, dataSource.getMetadata(Note));
    const refused = new NoteModelForm({ data: { text: 'dup' } });
    expect(await refused.isValid()).toBe(false);
    expect(refused.errors.toJSON()).toEqual({ text: ['Already noted.'] });
    const accepted = new NoteModelForm({ data: { text: 'new' } });
    expect(await accepted.isValid()).toBe(true);
    expect((await accepted.save()).text).toBe('new');
  });

  it('still checks the unique columns that are valid when clean() fails, so every error shows at once', async () => {
    const form = new Form({ data: { slug: 'taken', label: 'clean-error' } });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({
      __all__: ['Not that label.'],
      slug: ['Tag with this Slug already exists.'],
    });
  });

  it('saves a new object through the model’s repository, then updates the same row on a second save()', async () => {
    const form = new Form({ data: { slug: 'New', label: 'first' } });
    expect(await form.isValid()).toBe(true);
    const saved = await form.save();
    expect(saved).toBeInstanceOf(Tag);
    expect(saved).toMatchObject({ id: expect.any(Number), slug: 'new', label: 'first' });
    expect(form.instance).toBe(saved);
    form.cleanedData.label = 'second';
    await form.save();
    expect(await dataSource.getRepository(Tag).findBy({ slug: 'new' })).toEqual([
      { id: saved.id, slug: 'new', label: 'second', shelfId: null },
    ]);
  });

  it('updates the instance it was given, which may keep its own slug', async () => {
    const tag = await dataSource.getRepository(Tag).findOneByOrFail({ slug: 'taken' });
    const form = new Form({ data: { slug: 'taken', label: 'relabelled' }, instance: tag });
    expect(await form.isValid()).toBe(true);
    await form.save();
    expect(await dataSource.getRepository(Tag).findOneByOrFail({ id: tag.id })).toMatchObject({
      slug: 'taken',
      label: 'relabelled',
    });
  });

  it('saves through the source it is given (an object, or a function called once), or through its own getSource()', async () => {
    const stored: unknown[] = [];
    const source = {
      create: async (values: object) => {
        stored.push(values);
        return { id: stored.length, ...values };
      },
    } as never;
    const given = new Form({ data: { slug: 'one', label: 'a' }, source });
    expect(await given.save()).toEqual({ id: 1, slug: 'one', label: 'a', shelfId: null });
    let calls = 0;
    const lazy = new Form({
      data: { slug: 'two', label: 'b' },
      source: async () => {
        calls++;
        return source;
      },
    });
    expect(await lazy.getSource()).toBe(source);
    await lazy.save();
    expect(calls).toBe(1);
    class OwnSourceForm extends TagForm {
      override getSource() {
        return Promise.resolve(source);
      }
    }
    await new (bindModelForm(OwnSourceForm, dataSource.getMetadata(Tag)))({
      data: { slug: 'three', label: 'c' },
    }).save();
    expect(stored).toEqual([
      { slug: 'one', label: 'a', shelfId: null },
      { slug: 'two', label: 'b', shelfId: null },
      { slug: 'three', label: 'c', shelfId: null },
    ]);
    expect(await dataSource.getRepository(Tag).count()).toBe(1);
    let throws = 0;
    const broken = new Form({
      data: { slug: 'four', label: 'd' },
      source: () => {
        throws++;
        throw new Error('No source today.');
      },
    });
    await expect(broken.getSource()).rejects.toThrow('No source today.');
    await expect(broken.save()).rejects.toThrow('No source today.');
    expect(throws).toBe(1);
  });

  it('refuses to save a form with errors, with Django’s ValueError message', async () => {
    const form = new Form({ data: { slug: 'taken', label: 'x' } });
    await expect(form.save()).rejects.toThrow(
      new Error("The Tag could not be created because the data didn't validate."),
    );
    expect(await dataSource.getRepository(Tag).count()).toBe(1);
  });

  it('turns a unique violation of the save (a row stored after the check) into the field’s error, and stores nothing', async () => {
    const form = new Form({ data: { slug: 'raced', label: 'x' } });
    expect(await form.isValid()).toBe(true);
    await dataSource.getRepository(Tag).insert({ slug: 'raced', label: 'the other request' });
    await expect(form.save()).rejects.toThrow(new ValidationError('Tag with this Slug already exists.', 'unique'));
    expect(form.errors.toJSON()).toEqual({ slug: ['Tag with this Slug already exists.'] });
    expect(await dataSource.getRepository(Tag).findBy({ slug: 'raced' })).toEqual([
      expect.objectContaining({ label: 'the other request' }),
    ]);
  });

  it('turns a foreign-key violation of the save into the field’s error, with Django’s ModelChoiceField message', async () => {
    const form = new Form({ data: { slug: 'shelved', label: 'x', shelfId: '99' } });
    expect(await form.isValid()).toBe(true);
    await expect(form.save()).rejects.toThrow(ValidationError);
    expect(form.errors.toJSON()).toEqual({
      shelfId: ['Select a valid choice. That choice is not one of the available choices.'],
    });
    expect(await dataSource.getRepository(Tag).countBy({ slug: 'shelved' })).toBe(0);
  });
});

describe('modelFormFor() from TypeORM column metadata', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource({ type: 'sqljs', entities: [Article, Post, GuestPost], synchronize: true });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('makes one form class per entity and field list, whichever array names the fields', () => {
    const metadata = dataSource.getMetadata(Article);
    const fields = ['headline', 'views'];
    const HeadlineForm = modelFormFor(metadata, fields);
    expect(modelFormFor(metadata, fields)).toBe(HeadlineForm);
    expect(modelFormFor(metadata, ['headline', 'views'])).toBe(HeadlineForm);
    expect(modelFormFor(metadata, ['views', 'headline'])).not.toBe(HeadlineForm);
    expect(Object.keys(modelFormFor(metadata, ['views', 'headline']).fields)).toEqual(['views', 'headline']);
  });

  it('picks each field from the column’s type, length, nullable and default', () => {
    const ArticleForm = modelFormFor(dataSource.getMetadata(Article), '__all__');
    const fields = ArticleForm.fields;
    expect(Object.keys(fields)).toEqual([
      'headline',
      'body',
      'subtitle',
      'views',
      'rating',
      'published',
      'issue',
      'publishedAt',
      'kind',
    ]);
    expect(fields.headline).toBeInstanceOf(CharField);
    expect((fields.headline as CharField).maxLength).toBe(120);
    expect(fields.body!.widget).toBeInstanceOf(Textarea);
    expect(fields.subtitle!.required).toBe(false);
    expect((fields.subtitle as CharField).emptyValue).toBeNull();
    expect(fields.views).toBeInstanceOf(IntegerField);
    expect(fields.views!.initial).toBe(0);
    expect(fields.rating).toBeInstanceOf(FloatField);
    expect(fields.published).toBeInstanceOf(BooleanField);
    expect(fields.published!.required).toBe(false);
    expect(fields.issue).toBeInstanceOf(DateField);
    expect(fields.publishedAt).toBeInstanceOf(DateTimeField);
    expect(fields.kind).toBeInstanceOf(ChoiceField);
    expect(modelFormFor(dataSource.getMetadata(Article), '__all__')).toBe(ArticleForm);
  });

  it('validates a body into values the repository stores', async () => {
    const ArticleForm = modelFormFor(dataSource.getMetadata(Article), [
      'headline',
      'subtitle',
      'views',
      'issue',
      'kind',
    ]);
    const form = new ArticleForm({
      data: { headline: 'Hello', subtitle: '', views: '3', issue: '2024-02-29', kind: 'news' },
    });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({
      headline: 'Hello',
      subtitle: null,
      views: 3,
      issue: '2024-02-29',
      kind: 'news',
    });
  });

  it('refuses the date-stamp column as non-editable', () => {
    expect(() => modelFormFor(dataSource.getMetadata(Article), ['created'], 'ArticleCreateView')).toThrow(
      new ImproperlyConfigured("'created' cannot be specified for Article model form as it is a non-editable field"),
    );
  });

  it('takes a field’s class and validators from @FormField() on the entity, with the column’s length and nullability', async () => {
    const PostForm = modelFormFor(dataSource.getMetadata(Post), ['slug', 'title', 'website', 'body']);
    const { slug, title, website } = PostForm.fields as Record<string, CharField>;
    expect(slug).toBeInstanceOf(SlugField);
    expect(slug!.maxLength).toBe(50);
    expect(title).toBeInstanceOf(CharField);
    expect(website).toBeInstanceOf(URLField);
    expect(website!.required).toBe(false);
    expect(website!.emptyValue).toBeNull();
    const form = new PostForm({
      data: { slug: 'not a slug', title: 'ab', website: 'http://example.com', body: 'Hi\0' },
    });
    expect(await form.isValid()).toBe(false);
    expect(form.errors.toJSON()).toEqual({
      slug: ['Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.'],
      title: ['Ensure this value has at least 3 characters (it has 2).'],
      website: ['Use https.'],
      body: ['Null characters are not allowed.'],
    });
    const valid = new PostForm({ data: { slug: 'hello-world', title: 'Hello', website: '', body: 'Hi' } });
    expect(await valid.isValid()).toBe(true);
    expect(valid.cleanedData).toEqual({ slug: 'hello-world', title: 'Hello', website: null, body: 'Hi' });
    expect(modelFormFor(dataSource.getMetadata(GuestPost), ['slug', 'guest']).fields.slug).toBeInstanceOf(SlugField);
  });
});
