package com.example.fal;

import dagger.BindsInstance;
import dagger.Component;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.ClientModule;
import io.github.pixverse4j.client.VideoClient;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ClientModule.class, FalModule.class})
interface FalComponent {
  VideoClient client();

  @Component.Factory
  interface Factory {
    FalComponent create(@BindsInstance ClientConfig config);
  }
}
