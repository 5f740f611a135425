package io.github.pixverse4j.v3async;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ClientModule.class, V3AsyncModule.class})
interface V3AsyncComponent {
  VideoClient client();

  V3AsyncProvider provider();

  @Component.Factory
  interface Factory {
    V3AsyncComponent create(@BindsInstance ClientConfig config, V3AsyncModule module);
  }
}
