import { Module } from '@nestjs/common';
import { ClassViewsModule, path } from '../src/index.js';
import { AsyncView } from './views/async-view.js';
import { GreetView } from './views/greet-view.js';
import { HelloView } from './views/hello-view.js';
import { HomeView } from './views/home-view.js';
import { StaffView } from './views/staff-view.js';

@Module({
  imports: [
    ClassViewsModule.forRoot({
      // The URLconf style: the same class, served again with an attribute overridden.
      urlpatterns: [path('hi/', HelloView.asView({ greeting: 'Hi' }), { name: 'hi' })],
    }),
  ],
  // The @ClassView() style: views are providers, routed where @ClassView() says.
  providers: [HomeView, HelloView, AsyncView, GreetView, StaffView],
})
export class AppModule {}
