package io.github.pixverse4j.gmi.internal;

import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * JSON files under src/test/resources/gmi/: the doc's examples, and assumed-* shapes from
 * PROVIDERS.md.
 */
final class Fixtures {
  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/gmi/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture gmi/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kit as the provider has it, with the scheduler's clock at {@code now}. */
  static ProviderAnswers answers(Instant now, ApiKey key) {
    return new ProviderAnswers(
        "gmi", key, new TestScheduler(now.toEpochMilli(), TimeUnit.MILLISECONDS));
  }

  static <T> T read(String name, Class<T> type) {
    try {
      return Json.mapper().readValue(text(name), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
