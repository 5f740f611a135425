package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VideoProviderTest {
  /** A provider without a cancel operation writes no cancel method. */
  static final class NoCancel implements VideoProvider {
    int calls;

    @Override
    public String id() {
      return "nocancel";
    }

    @Override
    public ProviderCapabilities capabilities() {
      return ProviderCapabilities.builder()
          .providerId("nocancel")
          .model("m")
          .maxPromptLength(10)
          .durationRange(1, 5)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          .supportsCancel(false)
          .build();
    }

    @Override
    public Single<TaskHandle> submit(ImageToVideoRequest request) {
      calls++;
      return Single.never();
    }

    @Override
    public Single<TaskStatus> status(TaskHandle handle) {
      calls++;
      return Single.never();
    }
  }

  @Test
  @DisplayName(
      "the default cancel fails at once with the engine's 'no cancel operation' error, sending"
          + " nothing")
  void defaultCancel() {
    NoCancel p = new NoCancel();
    TaskHandle h = TaskHandle.of("nocancel", "m", "t");
    Throwable direct = p.cancel(h).materialize().blockingGet().getError();
    Throwable viaClient =
        new VideoClient(
                p, PollingPolicy.defaults(), new TestScheduler(), (v, t) -> Observable.empty())
            .cancel(h)
            .materialize()
            .blockingGet()
            .getError();
    assertThat(direct)
        .isExactlyInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining(
            "nocancel has no cancel operation; the task runs to its end (nothing was sent).");
    assertThat(((UnsupportedFeatureException) direct).handle()).contains(h);
    assertThat(viaClient)
        .isExactlyInstanceOf(UnsupportedFeatureException.class)
        .hasMessage(direct.getMessage());
    assertThat(p.calls).isZero();
  }
}
