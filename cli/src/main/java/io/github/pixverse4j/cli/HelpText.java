package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.Constraint;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.VideoProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;

/**
 * Help text for the options whose limits differ by provider, written from the providers' {@link
 * ProviderCapabilities} so that it cannot drift from what the command accepts. Options name their
 * entry with {@code descriptionKey}; the text is computed only when help is shown.
 */
final class HelpText extends ResourceBundle {
  static final String IMAGE = "image";
  static final String PROMPT = "prompt";
  static final String PROVIDER = "provider";
  static final String NEGATIVE_PROMPT = "negative-prompt";
  static final String DURATION = "duration";
  static final String QUALITY = "quality";
  static final String SEED = "seed";
  static final String AUDIO = "audio";
  static final String MULTI_CLIP = "multi-clip";
  static final String MODEL = "model";

  /**
   * The top command's description (picocli's key, qualified by the command name so subcommands keep
   * theirs).
   */
  static final String MAIN_DESCRIPTION = "pixverse4j.usage.description";

  private static final List<String> KEYS =
      List.of(
          MAIN_DESCRIPTION,
          IMAGE,
          PROMPT,
          PROVIDER,
          NEGATIVE_PROMPT,
          DURATION,
          QUALITY,
          SEED,
          AUDIO,
          MULTI_CLIP,
          MODEL);

  /**
   * The request fields generate has options for: the help lists only the providers' rules about
   * these (a rule about a template id or motion mode cannot be broken from the command line).
   */
  static final Set<String> OPTION_FIELDS =
      Set.of(
          "image",
          "prompt",
          "negativePrompt",
          "duration",
          "quality",
          "seed",
          "audio",
          "multiClip",
          "model");

  private Map<String, String> texts;

  @Override
  protected Object handleGetObject(String key) {
    if (!KEYS.contains(key)) return null;
    return texts().get(key);
  }

  @Override
  public Enumeration<String> getKeys() {
    return Collections.enumeration(KEYS);
  }

  private synchronized Map<String, String> texts() {
    if (texts == null) texts = compute(Connection.factories());
    return texts;
  }

  static Map<String, String> compute(List<VideoProviderFactory> factories) {
    Map<String, ProviderCapabilities> caps = new LinkedHashMap<>();
    for (VideoProviderFactory f : factories) caps.put(f.id(), f.capabilities());
    Map<String, String> t = new LinkedHashMap<>();
    List<String> keyVariables = new ArrayList<>();
    for (VideoProviderFactory f : factories) keyVariables.add(f.apiKeyEnvironmentVariable());
    t.put(
        MAIN_DESCRIPTION,
        "Turn one image and a prompt into a video with a hosted PixVerse API.%n"
            + "API keys come from environment variables only: "
            + String.join(", ", keyVariables)
            + ". Without the chosen provider's key (or with --simulate) the provider is simulated"
            + " in-process.");
    t.put(
        IMAGE,
        "The first frame: a public http(s) URL, or a local file where the provider uploads it ("
            + byProvider(
                caps,
                c -> c.imageKinds().contains(ImageInput.Kind.FILE) ? "URL or file" : "URL only")
            + "). A file is a path (relative to the current directory) or a file: URI such as%n"
            // The URI starts its line: picocli breaks lines after a ':' or a '.' (HelpWrapTest).
            + "  file:///home/me/cat.png.");
    t.put(
        PROMPT,
        "What should happen in the video; - reads it from standard input. Limit: "
            + byProvider(caps, c -> c.maxPromptLength() + " characters")
            + ". Default: none: give --prompt or"
            + " --prompt-file.");
    List<String> ids = new ArrayList<>(caps.keySet());
    List<String> rules = new ArrayList<>();
    caps.forEach(
        (id, c) -> {
          for (Constraint k : c.constraints()) {
            if (OPTION_FIELDS.containsAll(k.fields())) rules.add(id + ": " + k.description());
          }
        });
    t.put(
        PROVIDER,
        "One of "
            + String.join(", ", ids)
            + " (any letter case). Default: the first in this order"
            + " whose API key is set, else a simulated "
            + Connection.defaultSimulated()
            + "."
            + (rules.isEmpty() ? "" : " Other rules: " + String.join("; ", rules) + "."));
    t.put(
        NEGATIVE_PROMPT,
        "What the video should not show. "
            + byProvider(
                caps,
                c ->
                    c.maxNegativePromptLength()
                        .map(n -> "at most " + n + " characters")
                        .orElse("not supported"))
            + ". Default: none.");
    t.put(
        DURATION,
        "Length of the video in whole seconds: "
            + byProvider(caps, ProviderCapabilities::describeDurations)
            + ". Default: "
            + byProvider(
                caps,
                c ->
                    c.defaultDurationSeconds()
                        .map(s -> s + "s")
                        .orElse(
                            c.durationsSeconds().isEmpty()
                                ? "fixed by the model"
                                : "the provider's"))
            + ".");
    t.put(
        QUALITY,
        "Resolution: "
            + byProvider(caps, c -> qualities(c.qualities()))
            + ". Default: "
            + byProvider(caps, c -> c.defaultQuality().map(Quality::label).orElse("the provider's"))
            + ".");
    t.put(
        SEED,
        "Seed for a repeatable result, 0 to "
            + ProviderCapabilities.MAX_SEED
            + ": "
            + byProvider(caps, c -> c.supportsSeed() ? "supported" : "not supported")
            + ". Default: random.");
    t.put(
        AUDIO,
        "Generate sound too: "
            + byProvider(caps, c -> c.supportsAudio() ? "supported" : "not supported")
            + ". Default: off.");
    t.put(
        MULTI_CLIP,
        "Allow camera changes and transitions: "
            + byProvider(caps, c -> c.supportsMultiClip() ? "supported" : "not supported")
            + ". Default: off.");
    t.put(
        MODEL,
        "Model version: "
            + byProvider(
                caps, c -> c.models().isEmpty() ? "fixed by the endpoint" : models(c.models()))
            + ". Default: "
            + byProvider(caps, ProviderCapabilities::model)
            + ".");
    return t;
  }

  /**
   * {@code "odirouter, gmi: 1 to 15 seconds; pixverse: 5 or 8 seconds"}: providers grouped by text.
   */
  static String byProvider(
      Map<String, ProviderCapabilities> caps, Function<ProviderCapabilities, String> text) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    caps.forEach((id, c) -> groups.computeIfAbsent(text.apply(c), k -> new ArrayList<>()).add(id));
    if (groups.size() == 1) return groups.keySet().iterator().next() + " (every provider)";
    List<String> parts = new ArrayList<>();
    groups.forEach((value, providers) -> parts.add(String.join(", ", providers) + ": " + value));
    return String.join("; ", parts);
  }

  private static String qualities(Set<Quality> set) {
    List<String> labels = new ArrayList<>();
    for (Quality q : Quality.values()) if (set.contains(q)) labels.add(q.label());
    return String.join(", ", labels);
  }

  private static String models(Set<Model> set) {
    List<String> names = new ArrayList<>();
    for (Model m : set) names.add(m.name());
    return String.join(", ", names);
  }
}
