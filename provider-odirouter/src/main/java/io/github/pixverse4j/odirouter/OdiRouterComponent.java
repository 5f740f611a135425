package io.github.pixverse4j.odirouter;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ClientModule.class, OdiRouterModule.class})
interface OdiRouterComponent {
  VideoClient client();

  @Component.Factory
  interface Factory {
    OdiRouterComponent create(@BindsInstance ClientConfig config);
  }
}
