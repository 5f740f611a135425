package io.github.pixverse4j.testkit;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.DecodedRequest.Setting;
import io.github.pixverse4j.simulator.JobPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contract's comparisons of what was asked with what the simulator saw: each setting of a
 * request against the simulator's {@link DecodedRequest}, and the provider's mapping of one status
 * read against the {@link JobPhase} it showed.
 */
final class WireCheck {
  private WireCheck() {}

  /**
   * Whether {@code c} accepts {@code setting} at all (the image, prompt and an extend's source
   * always).
   */
  static boolean supported(ProviderCapabilities c, Setting setting) {
    switch (setting) {
      case NEGATIVE_PROMPT:
        return c.maxNegativePromptLength().isPresent();
      case DURATION_SECONDS:
        return !c.durationsSeconds().isEmpty();
      case QUALITY:
        return !c.qualities().isEmpty();
      case SEED:
        return c.supportsSeed();
      case MODEL:
        return !c.models().isEmpty();
      case AUDIO:
        return c.supportsAudio();
      case MULTI_CLIP:
        return c.supportsMultiClip();
      case CFG_SCALE:
        return c.supportsCfgScale();
      case THINKING_TYPE:
        return c.supportsThinkingType();
      case STYLE:
        return !c.styles().isEmpty();
      case MOTION_MODE:
        return !c.motionModes().isEmpty();
      case FAST_MODE:
        return c.supportsFastMode();
      case TEMPLATE_ID:
        return c.supportsTemplateId();
      default:
        return true;
    }
  }

  /**
   * What differs between the settings {@code asked} and those {@code decoded} from the wire: a
   * setting asked but missing or changed, or one the capabilities do not accept that was sent
   * anyway. A supported setting the request left unset may carry the provider's default.
   */
  static List<String> problems(
      ProviderCapabilities c,
      Function<Setting, Optional<Object>> asked,
      DecodedRequest decoded,
      List<Setting> settings) {
    List<String> problems = new ArrayList<>();
    for (Setting s : settings) {
      Optional<Object> want = asked.apply(s);
      Optional<Object> got = decoded.get(s);
      String name = s.fieldName() + " (" + s + ")";
      if (want.isPresent()) {
        if (!got.isPresent()) {
          problems.add(name + ": the request set " + want.get() + ", the wire carried none");
        } else if (!same(want.get(), got.get())) {
          problems.add(
              name + ": the request set " + want.get() + ", the simulator read " + got.get());
        }
      } else if (!supported(c, s) && got.isPresent()) {
        problems.add(
            name
                + ": the capabilities do not accept it and the request left it unset, yet the wire"
                + " carried "
                + got.get());
      }
    }
    return problems;
  }

  /** Equal values; a local file is compared by its bytes with what an upload carried. */
  private static boolean same(Object want, Object got) {
    if (want instanceof ImageInput && got instanceof ImageInput) {
      ImageInput w = (ImageInput) want;
      ImageInput g = (ImageInput) got;
      if (w.kind() == ImageInput.Kind.FILE && g.kind() == ImageInput.Kind.BYTES) {
        return Arrays.equals(read(w.file()), g.bytes());
      }
      if (w.kind() == ImageInput.Kind.BYTES && g.kind() == ImageInput.Kind.BYTES) {
        return Arrays.equals(w.bytes(), g.bytes());
      }
    }
    if (want instanceof VideoSource && got instanceof VideoSource) {
      VideoSource w = (VideoSource) want;
      VideoSource g = (VideoSource) got;
      if (w.kind() == VideoSource.Kind.FILE && g.kind() == VideoSource.Kind.BYTES) {
        return Arrays.equals(read(w.file()), g.bytes());
      }
    }
    return want.equals(got);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What is wrong with {@code status}, the provider's mapping of a status read that showed {@code
   * phase}, or {@code null} when it maps as the protocol allows ({@code traits}).
   */
  static String mappingProblem(
      JobPhase phase, TaskStatus status, ContractTraits traits, String videoUrl) {
    TaskState expected;
    switch (phase.state()) {
      case QUEUED:
        expected = traits.reportsQueuedState() ? TaskState.QUEUED : TaskState.RUNNING;
        break;
      case RUNNING:
        expected = TaskState.RUNNING;
        break;
      case SUCCEEDED:
        expected = TaskState.SUCCEEDED;
        break;
      case CANCELLED:
        expected = traits.reportsCancelled() ? TaskState.CANCELLED : TaskState.FAILED;
        break;
      default: // FAILED, MODERATED, EXPIRED
        expected = TaskState.FAILED;
    }
    if (status.state() != expected) {
      return "mapped to " + status.state() + ", expected " + expected + hint(phase, traits);
    }
    switch (phase.state()) {
      case QUEUED:
        if (traits.reportsQueuePosition()
            && traits.reportsQueuedState()
            && phase.queuePosition() != null
            && !status.queuePosition().equals(Optional.ofNullable(phase.queuePosition()))) {
          return "queue position "
              + status.queuePosition().map(String::valueOf).orElse("none")
              + ", expected "
              + phase.queuePosition()
              + " (trait reportsQueuePosition)";
        }
        return null;
      case RUNNING:
        if (traits.reportsProgress()
            && phase.progressPercent() != null
            && !status.progressPercent().equals(Optional.of(phase.progressPercent()))) {
          return "progress "
              + status.progressPercent().map(p -> p + " %").orElse("none")
              + ", expected "
              + phase.progressPercent()
              + " % (trait reportsProgress)";
        }
        return null;
      case SUCCEEDED:
        if (status.videos().isEmpty()
            || !status.videos().get(0).url().toString().equals(videoUrl)) {
          return "videos " + status.videos() + ", expected the simulator's " + videoUrl;
        }
        return null;
      case FAILED:
        if (status.failure().map(f -> f.category() == FailureCategory.MODERATION).orElse(false)) {
          return "failure category MODERATION for a plain failure";
        }
        return null;
      case MODERATED:
        if (traits.reportsModeration()
            && !status
                .failure()
                .map(f -> f.category() == FailureCategory.MODERATION)
                .orElse(false)) {
          return "failure "
              + status.failure()
              + ", expected category MODERATION (or declare"
              + " ContractTraits.withoutModerationSignal() if the protocol cannot tell)";
        }
        return null;
      default:
        return null;
    }
  }

  private static String hint(JobPhase phase, ContractTraits traits) {
    if (phase.state() == io.github.pixverse4j.simulator.JobState.QUEUED
        && traits.reportsQueuedState()) {
      return " (map the protocol's queued/created/pending value to QUEUED; declare"
          + " ContractTraits.withoutQueuedState() only if the protocol shows a queued job as"
          + " running)";
    }
    return "";
  }
}
