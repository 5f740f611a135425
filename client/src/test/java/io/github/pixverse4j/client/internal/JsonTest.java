package io.github.pixverse4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonTest {
  static final class Wire {
    public String id;
    public long count;
    public Long seed;
    public String note;
  }

  private final ObjectMapper mapper = Json.mapper();

  @Test
  @DisplayName("unknown properties are ignored")
  void ignoresUnknown() throws Exception {
    Wire w = mapper.readValue("{\"id\":\"a\",\"brand_new\":{\"x\":[1,2]},\"count\":3}", Wire.class);
    assertThat(w.id).isEqualTo("a");
    assertThat(w.count).isEqualTo(3);
  }

  @Test
  @DisplayName("a number sent as a string fills a long, and a number fills a String id")
  void coercion() throws Exception {
    Wire w = mapper.readValue("{\"id\":123,\"count\":\"456\",\"seed\":\"789\"}", Wire.class);
    assertThat(w.id).isEqualTo("123");
    assertThat(w.count).isEqualTo(456L);
    assertThat(w.seed).isEqualTo(789L);
    Wire big = mapper.readValue("{\"id\":9007199254740993}", Wire.class);
    assertThat(big.id).isEqualTo("9007199254740993");
  }

  @Test
  @DisplayName("unset (null) properties are left out when writing")
  void omitsNulls() throws Exception {
    Wire w = new Wire();
    w.id = "x";
    assertThat(mapper.writeValueAsString(w)).isEqualTo("{\"id\":\"x\",\"count\":0}");
  }

  @Test
  @DisplayName("nesting deeper than 64 levels is rejected, 64 is accepted")
  void nestingLimit() throws Exception {
    assertThat(mapper.readTree(nested(Json.MAX_NESTING_DEPTH))).isNotNull();
    assertThatThrownBy(() -> mapper.readTree(nested(Json.MAX_NESTING_DEPTH + 1)))
        .isInstanceOf(StreamConstraintsException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  @DisplayName("strings over 1 MiB and numbers over 100 digits are rejected")
  void lengthLimits() throws Exception {
    String longString = "\"" + "a".repeat(Json.MAX_STRING_LENGTH + 1) + "\"";
    assertThatThrownBy(() -> mapper.readTree("{\"note\":" + longString + "}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("String value length");
    String longNumber = "1".repeat(Json.MAX_NUMBER_LENGTH + 1);
    assertThatThrownBy(() -> mapper.readValue("{\"seed\":" + longNumber + "}", Wire.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Number value length");
    JsonNode ok = mapper.readTree("{\"n\":" + "1".repeat(Json.MAX_NUMBER_LENGTH) + "}");
    assertThat(ok.get("n").isNumber()).isTrue();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }
}
