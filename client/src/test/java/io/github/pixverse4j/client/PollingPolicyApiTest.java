package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.client.internal.PollSchedule;
import io.github.pixverse4j.client.internal.PollTuning;
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
 * (growth factor and its onset, hint margins, queue-position spacing) are a {@code
 * client.internal.PollTuning} read only by the engine, so they can change without breaking users.
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
    assertThat(publicNoArgMethods(PollingPolicy.class))
        .doesNotContain(
            "backoffFactor",
            "backoffAfter",
            "maxBackoffInterval",
            "etaMargin",
            "useProviderHints",
            "queuedIntervalPerPosition",
            "maxQueuedInterval",
            "intervalGrowth",
            "staleAfter",
            "maxStaleInterval");
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
    assertThat(publicMethods(PollingPolicy.Builder.class))
        .doesNotContain(
            "backoffFactor",
            "backoffAfter",
            "maxBackoffInterval",
            "maxHintedInterval",
            "etaMargin",
            "useProviderHints",
            "queuedIntervalPerPosition",
            "maxQueuedInterval",
            "random",
            "intervalGrowth",
            "staleAfter",
            "maxStaleInterval");
  }

  @Test
  @DisplayName(
      "the builder's public setters are exactly what users tune, and the not-API tuning(..)")
  void builderSettersPublic() {
    // tuning(..) takes a client.internal type: the one door to the adaptive knobs, not API.
    assertThat(publicMethods(PollingPolicy.Builder.class))
        .containsExactlyInAnyOrder(
            "initialDelay",
            "interval",
            "maxInterval",
            "minInterval",
            "fixedInterval",
            "retryDelay",
            "maxRetryDelay",
            "maxRetryAfter",
            "maxSubmitRetries",
            "deadline",
            "jitter",
            "cancelOnDispose",
            "cancelOnDeadline",
            "webhookSafetyNet",
            "tuning",
            "build");
  }

  @Test
  @DisplayName(
      "the schedule's computation is not on the policy: the engine's PollSchedule, not API,"
          + " computes it")
  void computationHidden() {
    assertThat(Arrays.stream(PollingPolicy.class.getDeclaredMethods()).map(Method::getName))
        .as("PollingPolicy's methods")
        .doesNotContain("nextPollDelay", "estimateRemaining")
        .filteredOn("retryDelay"::equals)
        .hasSize(1);
    assertThat(PollingPolicy.class.getDeclaredClasses())
        .extracting(Class::getSimpleName)
        .containsExactly("Builder");
    assertThat(PollSchedule.class.getPackage().getName()).endsWith(".internal");
    assertThat(PollTuning.class.getPackage().getName()).endsWith(".internal");
    assertThat(publicNoArgMethods(PollingPolicy.class)).doesNotContain("maxHintedInterval");
  }

  @Test
  @DisplayName("what users tune stays readable")
  void tunablesPublic() {
    assertThat(publicNoArgMethods(PollingPolicy.class))
        .contains(
            "initialDelay",
            "interval",
            "maxInterval",
            "minInterval",
            "deadline",
            "retryDelay",
            "maxRetryDelay",
            "maxRetryAfter",
            "cancelOnDispose",
            "cancelOnDeadline",
            "toBuilder");
  }
}
