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

  private static Set<String> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("the adaptive knobs cannot be set through the public builder")
  void adaptiveSettersHidden() {
    assertThat(publicMethods(PollingPolicy.Builder.class)).doesNotContain(
        "backoffFactor", "backoffAfter", "maxBackoffInterval", "maxHintedInterval", "etaMargin",
        "useProviderHints", "queuedIntervalPerPosition", "maxQueuedInterval", "random");
  }

  @Test
  @DisplayName("the builder's public setters are exactly what users tune")
  void builderSettersPublic() {
    assertThat(publicMethods(PollingPolicy.Builder.class)).containsExactlyInAnyOrder(
        "initialDelay", "interval", "maxInterval", "minInterval", "fixedInterval", "retryDelay",
        "maxRetryDelay", "maxRetryAfter", "maxConsecutiveFailures", "deadline", "jitter",
        "cancelOnDispose", "cancelOnDeadline", "build");
  }

  @Test
  @DisplayName("the schedule's computation is not public: the engine reaches it through client.internal")
  void computationHidden() throws Exception {
    Method nextPollDelay = PollingPolicy.class.getDeclaredMethod("nextPollDelay",
        io.github.pixverse4j.api.TaskStatus.class, int.class, java.time.Duration.class, java.util.Optional.class);
    Method retryDelay = PollingPolicy.class.getDeclaredMethod("retryDelay", int.class, java.util.Optional.class);
    assertThat(Modifier.isPublic(nextPollDelay.getModifiers())).as("nextPollDelay public").isFalse();
    assertThat(Modifier.isPublic(retryDelay.getModifiers())).as("retryDelay(int, Optional) public").isFalse();
    assertThat(publicNoArgMethods(PollingPolicy.class)).doesNotContain("maxHintedInterval");
  }

  @Test
  @DisplayName("what users tune stays readable")
  void tunablesPublic() {
    assertThat(publicNoArgMethods(PollingPolicy.class)).contains(
        "initialDelay", "interval", "maxInterval", "minInterval", "deadline", "retryDelay",
        "maxRetryDelay", "maxRetryAfter", "cancelOnDispose", "cancelOnDeadline", "toBuilder");
  }
}
