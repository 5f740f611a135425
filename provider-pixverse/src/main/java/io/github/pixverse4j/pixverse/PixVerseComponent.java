package io.github.pixverse4j.pixverse;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ClientModule.class, PixVerseModule.class})
interface PixVerseComponent {
  VideoClient client();

  VideoProvider provider();

  @Component.Factory
  interface Factory {
    PixVerseComponent create(@BindsInstance ClientConfig config, PixVerseModule module);
  }
}
