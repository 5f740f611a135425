package io.github.pixverse4j.gmi;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import javax.inject.Singleton;

/** The object graph behind {@link GmiCloud.Builder}. */
@Singleton
@Component(modules = {ClientModule.class, GmiModule.class})
interface GmiComponent {
  VideoClient client();

  GmiProvider provider();

  @Component.Factory
  interface Factory {
    GmiComponent create(@BindsInstance ClientConfig config, GmiModule module);
  }
}
