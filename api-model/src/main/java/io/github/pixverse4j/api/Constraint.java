package io.github.pixverse4j.api;

import java.util.Optional;
import java.util.function.Function;

/** A rule that spans several fields, such as "1080p does not allow 8 seconds". */
public interface Constraint {
  /** The rule in words, for listings such as the CLI's {@code providers} command. */
  String description();

  /** The violation, when {@code request} breaks the rule. */
  Optional<Violation> check(ImageToVideoRequest request);

  /** A constraint from a description and a check. */
  static Constraint of(String description, Function<ImageToVideoRequest, Optional<Violation>> check) {
    if (description == null) throw new NullPointerException("description == null");
    if (check == null) throw new NullPointerException("check == null");
    return new Constraint() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public Optional<Violation> check(ImageToVideoRequest request) {
        return check.apply(request);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
