package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import io.github.pixverse4j.client.provider.BaseHttpClient;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import javax.inject.Singleton;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientModuleTest {
  @Module
  static final class TestProviderModule {
    @Provides
    @Singleton
    static VideoProvider provider(ClientConfig config) {
      return new ScriptedProvider(config.scheduler());
    }
  }

  @Singleton
  @Component(modules = {ClientModule.class, TestProviderModule.class})
  interface TestComponent {
    VideoClient client();

    @BaseHttpClient
    OkHttpClient baseHttpClient();

    @Component.Factory
    interface Factory {
      TestComponent create(@BindsInstance ClientConfig config);
    }
  }

  static final class TestBuilder extends ClientBuilder<TestBuilder> {
    TestBuilder() {
      super("https://api.example.com/v1");
    }

    TestComponent component() {
      return DaggerClientModuleTest_TestComponent.factory().create(config());
    }

    @Override
    public VideoClient build() {
      return component().client();
    }
  }

  @Test
  @DisplayName(
      "a component built from ClientModule yields a working client with the configured policy")
  void wiring() {
    PollingPolicy policy =
        PollingPolicy.builder().deadline(java.time.Duration.ofMinutes(3)).build();
    VideoClient client =
        new TestBuilder()
            .apiKey("secret-key")
            .scheduler(new TestScheduler())
            .pollingPolicy(policy)
            .build();
    assertThat(client.providerId()).isEqualTo(ScriptedProvider.ID);
    assertThat(client.pollingPolicy()).isSameAs(policy);
    assertThat(client.toString()).doesNotContain("secret-key");
  }

  @Test
  @DisplayName("a caller's OkHttp client becomes the base; without one the shared default is used")
  void httpClient() {
    OkHttpClient mine = new OkHttpClient();
    assertThat(new TestBuilder().apiKey("k").httpClient(mine).component().baseHttpClient())
        .isSameAs(mine);
    assertThat(new TestBuilder().apiKey("k").component().baseHttpClient())
        .isSameAs(new TestBuilder().apiKey("k").component().baseHttpClient());
  }

  @Test
  @DisplayName("the builder requires a key and refuses plain http to a non-loopback host")
  void builderChecks() {
    assertThatThrownBy(() -> new TestBuilder().build()).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> new TestBuilder().baseUrl("http://api.example.com/"))
        .hasMessageContaining("HTTPS");
    assertThat(new TestBuilder().apiKey("k").baseUrl("http://127.0.0.1:8080/x").build())
        .isNotNull();
  }

  @Test
  @DisplayName(
      "an app's component can bind a ClientConfig made with ClientConfig.builder(), base URL"
          + " included")
  void configBoundDirectly() {
    ClientConfig config =
        ClientConfig.builder()
            .apiKey("k")
            .baseUrl("https://other.example.com/v2")
            .scheduler(new TestScheduler())
            .build();
    VideoClient client = DaggerClientModuleTest_TestComponent.factory().create(config).client();
    assertThat(client.endpoint()).contains("https://other.example.com/v2/");
  }

  @Test
  @DisplayName(
      "a bound ClientConfig without a base URL is refused with what to do, not with a null")
  void configWithoutBaseUrl() {
    ClientConfig config = ClientConfig.builder().apiKey("k").build();
    assertThatThrownBy(() -> DaggerClientModuleTest_TestComponent.factory().create(config).client())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no baseUrl")
        .hasMessageContaining("facade builder");
  }
}
