import { Module } from '@nestjs/common';
import { ClassViewsModule, type NunjucksEnvironment, path, RedirectView, TemplateView } from '../src/index.js';
import { sampleAuth } from './auth/demo-users.js';
import { LibraryModule } from './library/library.module.js';
import { templatesDir } from './paths.js';
import { AboutView } from './views/about-view.js';
import { AccountView, StaffOnlyView } from './views/account-views.js';
import { ArticleView } from './views/article-view.js';
import { AsyncView } from './views/async-view.js';
import { GreetView } from './views/greet-view.js';
import { HelloView } from './views/hello-view.js';
import { HomeView } from './views/home-view.js';
import { HtmxScriptView } from './views/script-view.js';
import { LoginView, LogoutView } from './views/login-view.js';
import { StaffView } from './views/staff-view.js';

/** Template filters: `{{ book.publicationDate | isodate }}` prints `1980-01-01`. */
function addFilters(env: NunjucksEnvironment): void {
  env.addFilter('isodate', (value: Date) => (value instanceof Date ? value.toISOString().slice(0, 10) : ''));
}

@Module({
  imports: [
    ClassViewsModule.forRoot({
      // Signs the messages cookie (Django's SECRET_KEY). The fallback is for trying the sample
      // only: every real deployment sets SECRET_KEY, the same in every process.
      secretKey: process.env.SECRET_KEY ?? 'sample-insecure-do-not-deploy',
      templates: { dirs: [templatesDir], configure: addFilters },
      // 404.html, 403.html and 500.html for browsers; JSON clients keep Nest's answers.
      errorPages: true,
      // The access mixins read the demo user from its signed cookie.
      auth: sampleAuth,
      // The URLconf style: classes served with attributes given to asView().
      urlpatterns: [
        path('hi/', HelloView.asView({ greeting: 'Hi' }), { name: 'hi' }),
        path('about-inline/', TemplateView.asView({ templateName: 'about.html' }), { name: 'about-inline' }),
        path('go/<slug:slug>/', RedirectView.asView({ url: '/articles/%(slug)s/', queryString: true }), { name: 'go' }),
        path('old-home/', RedirectView.asView({ patternName: 'home', permanent: true }), { name: 'old-home' }),
      ],
    }),
    LibraryModule,
  ],
  // The @ClassView() style: views are providers, routed where @ClassView() says.
  providers: [
    HomeView,
    AboutView,
    ArticleView,
    HelloView,
    AsyncView,
    GreetView,
    StaffView,
    HtmxScriptView,
    LoginView,
    LogoutView,
    AccountView,
    StaffOnlyView,
  ],
})
export class AppModule {}
