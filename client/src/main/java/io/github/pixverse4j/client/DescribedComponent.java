package io.github.pixverse4j.client;

import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** The wiring behind {@link DescribedClient.Builder}, one for every described provider. */
@Singleton
@Component(modules = {ClientModule.class, DescribedModule.class})
interface DescribedComponent {
  VideoClient client();

  @Component.Factory
  interface Factory {
    DescribedComponent create(@BindsInstance ClientConfig config, DescribedModule module);
  }
}
