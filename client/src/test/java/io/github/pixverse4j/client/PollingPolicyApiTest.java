package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public reading side of {@link PollingPolicy} is what users tune (intervals, deadline, retry
 * backoff and its cap, the Retry-After cap, cancel options); the adaptive schedule's internals
 * (growth factor and its onset, hint margins, queue-position spacing) are read only by the engine
 * in this package, so they can change without breaking users.
 */
class PollingPolicyApiTest {
  private static Set<String> publicNoArgMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0)
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("the adaptive internals are not public")
  void adaptiveInternalsHidden() {
    assertThat(publicNoArgMethods(PollingPolicy.class)).doesNotContain(
        "backoffFactor", "backoffAfter", "maxBackoffInterval", "etaMargin", "useProviderHints",
        "queuedIntervalPerPosition", "maxQueuedInterval");
  }

  @Test
  @DisplayName("what users tune stays readable")
  void tunablesPublic() {
    assertThat(publicNoArgMethods(PollingPolicy.class)).contains(
        "initialDelay", "interval", "maxInterval", "minInterval", "deadline", "retryDelay",
        "maxRetryDelay", "maxRetryAfter", "cancelOnDispose", "cancelOnDeadline", "toBuilder");
  }
}
