import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Column, CreateDateColumn, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ImproperlyConfigured } from '../exceptions/improperly-configured.exception.js';
import { ValidationError } from './validation-error.js';
import { BooleanField, CharField, ChoiceField, DateField, DateTimeField, FloatField, IntegerField } from './fields.js';
import { FormField } from './form-field.decorator.js';
import { modelFormFor } from './model-form.js';
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
  @FormField({ field: URLField, validators: [(value: string) => { if (!value.startsWith('https:')) throw new ValidationError('Use https.', 'insecure'); }] })
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
    expect(Object.keys(fields)).toEqual(['headline', 'body', 'subtitle', 'views', 'rating', 'published', 'issue', 'publishedAt', 'kind']);
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
    const ArticleForm = modelFormFor(dataSource.getMetadata(Article), ['headline', 'subtitle', 'views', 'issue', 'kind']);
    const form = new ArticleForm({ data: { headline: 'Hello', subtitle: '', views: '3', issue: '2024-02-29', kind: 'news' } });
    expect(await form.isValid()).toBe(true);
    expect(form.cleanedData).toEqual({ headline: 'Hello', subtitle: null, views: 3, issue: '2024-02-29', kind: 'news' });
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
    const form = new PostForm({ data: { slug: 'not a slug', title: 'ab', website: 'http://example.com', body: 'Hi\0' } });
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
