package io.github.pixverse4j.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration every provider's wire types are read and written with. Not API (this
 * package is public only for pixverse4j's own modules and is left out of the Javadoc): the mapper
 * is shared and mutable, so it is not handed to users; {@link
 * io.github.pixverse4j.client.http.Retrofits#create} applies it to every provider's calls.
 *
 * <p>Reading: unknown properties are ignored; numbers sent as strings ({@code "123"} into a {@code
 * long}) and numbers into {@code String} fields (ids) are accepted, because providers disagree
 * between docs and SDKs; input is limited to nesting depth {@value #MAX_NESTING_DEPTH}, strings of
 * {@value #MAX_STRING_LENGTH} characters and numbers of {@value #MAX_NUMBER_LENGTH} digits.
 * Writing: {@code null} (unset) properties are omitted. No {@code jackson-datatype} modules are
 * registered, so wire types use plain nullable fields, not {@code Optional}.
 */
public final class Json {
  public static final int MAX_NESTING_DEPTH = 64;
  public static final int MAX_STRING_LENGTH = 1024 * 1024;
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /**
   * The shared mapper. Thread-safe; do not reconfigure it (call {@link ObjectMapper#copy()} for a
   * variant).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper newMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Both are Jackson defaults today; stated so that a default change cannot break parsing.
        .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .build();
  }
}
