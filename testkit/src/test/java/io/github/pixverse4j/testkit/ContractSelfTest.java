package io.github.pixverse4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Proves the kit: each deliberately broken provider must fail exactly the contract tests that
 * describe its defect, and a correct one fails none.
 */
class ContractSelfTest {
  /** Runs a contract subclass and returns the names of the test methods that failed. */
  private static Set<String> failedTests(Class<?> contract) {
    List<Event> finished = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents()
        .finished()
        .list();
    return finished.stream()
        .filter(e -> e.getPayload(TestExecutionResult.class)
            .map(r -> r.getStatus() == TestExecutionResult.Status.FAILED).orElse(false))
        .map(e -> e.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
            .map(s -> ((MethodSource) s).getMethodName()).orElse(e.getTestDescriptor().getDisplayName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A contract run against a {@link ReferenceProvider} variant. */
  abstract static class BrokenContract extends VideoProviderContract {
    abstract ReferenceProvider provider(String baseUrl, String apiKey);

    @Override
    protected ProviderSimulator startSimulator(String apiKey) {
      return new ReferenceSimulator(apiKey).start();
    }

    @Override
    protected VideoClient createClient(ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
      return ReferenceProvider.client(provider(simulator.baseUrl(), apiKey), policy);
    }

    @Override
    protected String unknownStatusBody() {
      return "{\"id\":\"job-1\",\"state\":\"teleporting\"}";
    }

    @Override
    protected ContractTraits traits() {
      return ContractTraits.statesOnly().withQueuePosition().withProgress().withCancelledState();
    }

    @Override
    protected Duration streamTimeout() {
      return Duration.ofSeconds(3);
    }
  }

  static class MapsFailedToRunning extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          if ("failed".equals(j.state) || "moderated".equals(j.state)) j.state = "running";
          return super.toStatus(handle, j);
        }
      };
    }
  }

  static class RetriesSubmit extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public Single<TaskHandle> submit(ImageToVideoRequest request) {
          return super.submit(request).retry(2);
        }
      };
    }
  }

  static class IgnoresRetryAfter extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public Single<TaskStatus> status(TaskHandle handle) {
          return super.status(handle).onErrorResumeNext(e -> Single.error(e instanceof RateLimitedException
              ? new RateLimitedException("slow down", ((RateLimitedException) e).details(), null)
              : e));
        }
      };
    }
  }

  static class LeaksKey extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        public Single<TaskHandle> submit(ImageToVideoRequest request) {
          return super.submit(request).onErrorResumeNext(e -> Single.error(new VideoApiException(
              "submit with key " + key.reveal() + " failed: " + e.getMessage(), ErrorDetails.provider(ID), e)));
        }
      };
    }
  }

  static class GuessesUnknownStatus extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        TaskStatus toStatus(TaskHandle handle, Job j) {
          if (!Set.of("queued", "running", "succeeded", "failed", "moderated", "cancelled", "expired").contains(j.state)) {
            j.state = "running";
          }
          return super.toStatus(handle, j);
        }
      };
    }
  }

  static class TreatsAuthAsTransient extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey) {
        @Override
        <T> io.github.pixverse4j.client.http.ErrorTransformer<T> errors() {
          BiFunction<String, Integer, VideoApiException> unavailable = (m, s) ->
              new io.github.pixverse4j.api.ProviderUnavailableException(m, ErrorDetails.provider(ID).withHttpStatus(s));
          return HttpErrors.mapErrors(ID, http -> http.code() == 401 || http.code() == 403
              ? unavailable.apply("auth trouble", 503)
              : HttpErrors.fromHttpException(ID, http, key), key);
        }
      };
    }
  }

  static class Correct extends BrokenContract {
    @Override
    ReferenceProvider provider(String baseUrl, String apiKey) {
      return new ReferenceProvider(null, baseUrl, apiKey);
    }
  }

  @Test
  @DisplayName("a provider that maps FAILED to RUNNING fails the failure and moderation tests")
  void failedAsRunning() {
    assertThat(failedTests(MapsFailedToRunning.class)).containsExactlyInAnyOrder("fails", "moderated");
  }

  @Test
  @DisplayName("a provider that retries its own submits fails the no-duplicate-job tests")
  void retriesSubmit() {
    assertThat(failedTests(RetriesSubmit.class)).contains("lostSubmitAnswer", "submit500");
  }

  @Test
  @DisplayName("a provider that drops Retry-After fails the Retry-After test")
  void ignoresRetryAfter() {
    assertThat(failedTests(IgnoresRetryAfter.class)).containsExactly("retryAfterOnStatus");
  }

  @Test
  @DisplayName("a provider that puts the key into a message fails the security test")
  void leaksKey() {
    assertThat(failedTests(LeaksKey.class)).contains("keyNeverShown");
  }

  @Test
  @DisplayName("a provider that guesses unknown status values fails the unknown-status test")
  void guessesUnknownStatus() {
    assertThat(failedTests(GuessesUnknownStatus.class)).containsExactly("unknownStatus");
  }

  @Test
  @DisplayName("a provider that treats 401/403 as transient fails the authentication tests")
  void authAsTransient() {
    assertThat(failedTests(TreatsAuthAsTransient.class)).contains("wrongKey", "forbiddenOnStatus");
  }

  @Test
  @DisplayName("the correct reference provider fails nothing")
  void correctPasses() {
    assertThat(failedTests(Correct.class)).isEmpty();
  }
}
