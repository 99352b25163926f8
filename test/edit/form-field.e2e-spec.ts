import { describe, expect, it } from '@jest/globals';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  ClassViewsModule,
  CreateView,
  FormField,
  JsonResponseMixin,
  MinLengthValidator,
  path,
  SlugField,
} from '../../src/index.js';
import { CSRF_HEADERS } from '../utils/csrf.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

@Entity()
class Article {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 40 })
  @FormField({ validators: [new MinLengthValidator(3)] })
  title!: string;

  @Column({ length: 30 })
  @FormField(SlugField)
  slug!: string;
}

class ArticleCreateView extends JsonResponseMixin(CreateView<Article>) {
  model = Article;
  fields = ['title', 'slug'] as const;
  override jsonFields = ['id', 'title', 'slug'];
  templateName = 'book_form.html';
  successUrl = '/articles/{id}/';
}

describe.each(PLATFORMS)('a model form validates columns as their @FormField() says, on %s', (platform) => {
  const served = useTestApp(platform, {
    imports: [
      TypeOrmModule.forRoot({ type: 'sqljs', entities: [Article], synchronize: true }),
      ClassViewsModule.forRoot({
        templates: { dirs: [join(import.meta.dirname, 'fixtures')] },
        imports: [TypeOrmModule.forFeature([Article])],
        urlpatterns: [path('articles/new/', ArticleCreateView.asView())],
      }),
    ],
  });
  const { http } = served;

  it('re-renders the page with the slug’s and the validator’s messages, and saves nothing', async () => {
    const res = await http.post('/articles/new/').set(CSRF_HEADERS).type('form').send('title=Hi&slug=my%20post');
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<ul class="errorlist"><li>Ensure this value has at least 3 characters (it has 2).</li></ul><input type="text" name="title" value="Hi" maxlength="40"',
    );
    expect(res.text).toContain(
      '<ul class="errorlist"><li>Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.</li></ul><input type="text" name="slug" value="my post" maxlength="30"',
    );
    expect(await served.app.get(DataSource).getRepository(Article).count()).toBe(0);
  });

  it('answers a JSON client 422 with the messages, and saves a valid article', async () => {
    const bad = await http.post('/articles/new/').set(CSRF_HEADERS).send({ title: 'Hello', slug: 'hello world' });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({
      errors: { slug: ['Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.'] },
    });
    const good = await http.post('/articles/new/').set(CSRF_HEADERS).send({ title: 'Hello', slug: 'hello-world' });
    expect(good.status).toBe(201);
    expect(good.body).toEqual({ object: { id: 1, title: 'Hello', slug: 'hello-world' } });
  });
});
