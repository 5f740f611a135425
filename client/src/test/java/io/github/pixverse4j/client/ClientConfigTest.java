package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ClientConfig}: the one configuration value, and how facade builders fill and copy it. */
class ClientConfigTest {
  /** A facade builder as provider modules write them. */
  static final class FacadeBuilder extends ClientBuilder<FacadeBuilder> {
    FacadeBuilder() {
      super("https://api.example.com/v1");
    }

    ClientConfig built() {
      return config();
    }

    @Override
    public VideoClient build() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  @DisplayName("only the key is required; the rest has defaults and the base URL is the provider's")
  void defaults() {
    ClientConfig c = ClientConfig.builder().apiKey("sk-secret-1").build();
    assertThat(c.apiKey().reveal()).isEqualTo("sk-secret-1");
    assertThat(c.baseUrl()).isEmpty();
    assertThat(c.httpClient()).isEmpty();
    assertThat(c.journal()).isEmpty();
    assertThat(c.scheduler()).isSameAs(Schedulers.computation());
    assertThat(c.ioScheduler()).isSameAs(Schedulers.io());
    assertThat(c.pollingPolicy()).isSameAs(PollingPolicy.defaults());
    assertThat(c.toString()).doesNotContain("sk-secret-1").contains("baseUrl=default");
    assertThatThrownBy(() -> ClientConfig.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No API key: apiKey(..) was not called before build()");
  }

  @Test
  @DisplayName(
      "a missing or blank key is named in words, with where keys are read from, before anything is"
          + " built")
  void missingKeyInWords() {
    assertThatThrownBy(() -> ClientConfig.builder().apiKey(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "No API key: apiKey(..) was given null, which is what System.getenv returns")
        .hasMessageContaining("apiKeyEnvironmentVariable()");
    assertThatThrownBy(() -> ClientConfig.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No API key: apiKey(..) was given a blank key");
    // A facade builder written without its factory says the same; with it, see MissingKeyTest
    // (reliability), which covers every built-in provider.
    assertThatThrownBy(() -> new FacadeBuilder().apiKey(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No API key: apiKey(..) was given null");
    assertThatThrownBy(() -> new FacadeBuilder().built())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No API key: apiKey(..) was not called before build()");
  }

  @Test
  @DisplayName("a base URL is checked when it is set: https, or http to loopback only")
  void baseUrlChecked() {
    assertThatThrownBy(() -> ClientConfig.builder().baseUrl("http://api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS");
    assertThat(
            ClientConfig.builder()
                .apiKey("k")
                .baseUrl("http://127.0.0.1:9/x")
                .build()
                .baseUrl()
                .get())
        .hasToString("http://127.0.0.1:9/x/");
    assertThatThrownBy(() -> ClientConfig.builder().baseUrl(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("baseUrl == null");
  }

  @Test
  @DisplayName("a facade builder fills in its default base URL, and keeps one that was given")
  void facadeFillsDefault() {
    assertThat(new FacadeBuilder().apiKey("k").built().baseUrl().get())
        .hasToString("https://api.example.com/v1/");
    assertThat(
            new FacadeBuilder()
                .apiKey("k")
                .baseUrl("https://other.example.com/")
                .built()
                .baseUrl()
                .get())
        .hasToString("https://other.example.com/");
  }

  @Test
  @DisplayName(
      "settings(config) copies every setting into a facade builder, as VideoProviderFactory.create"
          + " does")
  void settingsCopied() {
    OkHttpClient http = new OkHttpClient();
    TestScheduler time = new TestScheduler();
    TestScheduler io = new TestScheduler();
    PollingPolicy policy = PollingPolicy.builder().deadline(Duration.ofMinutes(2)).build();
    TaskJournal journal = TaskJournal.inMemory();
    ClientConfig given =
        ClientConfig.builder()
            .apiKey("sk-copied")
            .baseUrl("https://copy.example.com/a")
            .httpClient(http)
            .scheduler(time)
            .ioScheduler(io)
            .pollingPolicy(policy)
            .journal(journal)
            .build();

    ClientConfig c = new FacadeBuilder().settings(given).built();

    assertThat(c.apiKey().reveal()).isEqualTo("sk-copied");
    assertThat(c.baseUrl().get()).hasToString("https://copy.example.com/a/");
    assertThat(c.httpClient()).containsSame(http);
    assertThat(c.scheduler()).isSameAs(time);
    assertThat(c.ioScheduler()).isSameAs(io);
    assertThat(c.pollingPolicy()).isSameAs(policy);
    assertThat(c.journal()).containsSame(journal);
    assertThat(
            new FacadeBuilder()
                .settings(ClientConfig.builder().apiKey("k").build())
                .built()
                .baseUrl()
                .get())
        .as("no base URL given: the provider's")
        .hasToString("https://api.example.com/v1/");
  }

  @Test
  @DisplayName("toBuilder starts from every value")
  void toBuilder() {
    TestScheduler time = new TestScheduler();
    ClientConfig a = ClientConfig.builder().apiKey("k1").scheduler(time).build();
    ClientConfig b = a.toBuilder().apiKey("k2").build();
    assertThat(b.apiKey().reveal()).isEqualTo("k2");
    assertThat(b.scheduler()).isSameAs(time);
    assertThat(a.apiKey().reveal()).isEqualTo("k1");
  }
}
