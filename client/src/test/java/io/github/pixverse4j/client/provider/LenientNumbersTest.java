package io.github.pixverse4j.client.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LenientNumbersTest {
  static final class Hints {
    @JsonProperty("eta")
    @JsonDeserialize(using = LenientNumbers.OptionalLong.class)
    Long eta;

    @JsonProperty("position")
    @JsonDeserialize(using = LenientNumbers.OptionalInteger.class)
    Integer position;

    @JsonProperty("after")
    String after;
  }

  private static Hints read(String eta, String position) throws Exception {
    return new ObjectMapper()
        .readValue(
            "{\"eta\":" + eta + ",\"position\":" + position + ",\"after\":\"kept\"}", Hints.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "absent",
      value = {
        "42 | 42",
        "-3 | -3",
        "42.9 | 42",
        "'\"42\"' | 42",
        "'\" 7.5 \"' | 7",
        "0.0000001 | 0",
        "1e-999999999 | 0",
        "9223372036854775807 | 9223372036854775807",
        "9223372036854775808 | absent",
        "123456789012345678901234567890 | absent",
        "1e308 | absent",
        "1e999999999 | absent",
        "-1e308 | absent",
        "'\"50%\"' | absent",
        "'\"\"' | absent",
        "true | absent",
        "'{\"a\":[1,2]}' | absent",
        "'[1,2,3]' | absent",
        "null | absent",
      })
  void longHint(String json, Long expected) throws Exception {
    Hints h = read(json, "1");
    assertThat(h.eta).isEqualTo(expected);
    assertThat(h.after).as("the rest of the answer is read").isEqualTo("kept");
    assertThat(h.position).isEqualTo(1);
  }

  @Test
  void integerRange() throws Exception {
    assertThat(read("1", "2147483647").position).isEqualTo(Integer.MAX_VALUE);
    assertThat(read("1", "2147483648").position).isNull();
    assertThat(read("1", "\"3\"").position).isEqualTo(3);
    assertThat(read("1", "{}").position).isNull();
  }
}
