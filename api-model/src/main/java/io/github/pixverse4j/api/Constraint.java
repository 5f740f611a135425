package io.github.pixverse4j.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A rule that spans several fields, such as "1080p does not allow 8 seconds". */
public interface Constraint {
  /** The rule in words, for listings such as the CLI's {@code providers} command. */
  String description();

  /** The violation, when {@code request} breaks the rule. */
  Optional<Violation> check(ImageToVideoRequest request);

  /**
   * The request fields the rule is about, as {@link Violation#field()} names them ({@code
   * "duration"}, {@code "quality"}, {@code "templateId"}; {@code "providerImageId"} for an image
   * given by the provider's own id): a front end that offers only some fields lists only the rules
   * it can break. Empty when not declared: about any field.
   */
  default Set<String> fields() {
    return Collections.emptySet();
  }

  /** A constraint from a description and a check. */
  static Constraint of(
      String description, Function<ImageToVideoRequest, Optional<Violation>> check) {
    return of(description, Collections.<String>emptySet(), check);
  }

  /** A constraint about {@code fields} (see {@link #fields()}) from a description and a check. */
  static Constraint of(
      String description,
      Set<String> fields,
      Function<ImageToVideoRequest, Optional<Violation>> check) {
    if (description == null) throw new NullPointerException("description == null");
    if (fields == null) throw new NullPointerException("fields == null");
    if (check == null) throw new NullPointerException("check == null");
    Set<String> copy = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
    return new Constraint() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public Set<String> fields() {
        return copy;
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
