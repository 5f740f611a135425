package io.github.pixverse4j.client.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.TaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One record per line: compact JSON, a space, and the CRC-32 of the JSON's UTF-8 bytes in 8 hex
 * digits. A line that is cut short (the process died while writing it) or altered fails the check
 * and is skipped; the lines before and after it stay readable.
 */
final class JournalCodec {
  /** The format version written into every record, so a later format can read this one. */
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalCodec() {}

  static byte[] encode(JournalRecord r) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
    try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      g.writeStringField("kind", r.kind().name());
      if (r.id() != null) g.writeStringField("id", r.id());
      if (r.token() != null) g.writeStringField("token", r.token());
      g.writeStringField("time", r.time().toString());
      if (r.provider() != null) g.writeStringField("provider", r.provider());
      if (r.model() != null) g.writeStringField("model", r.model());
      if (r.endpoint() != null) g.writeStringField("endpoint", r.endpoint());
      if (!r.summary().isEmpty()) writeMap(g, "summary", r.summary());
      if (!r.labels().isEmpty()) writeMap(g, "labels", r.labels());
      if (r.state() != null) g.writeStringField("state", r.state().name());
      if (!r.videoUrls().isEmpty()) {
        g.writeArrayFieldStart("videos");
        for (String u : r.videoUrls()) g.writeString(u);
        g.writeEndArray();
      }
      if (r.message() != null) g.writeStringField("message", r.message());
      if (r.file() != null) g.writeStringField("file", r.file());
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + r, e);
    }
    byte[] json = bytes.toByteArray();
    String crc = crcHex(json, 0, json.length);
    byte[] line = new byte[json.length + 10];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = ' ';
    byte[] c = crc.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(c, 0, line, json.length + 1, 8);
    line[line.length - 1] = '\n';
    return line;
  }

  private static void writeMap(
      com.fasterxml.jackson.core.JsonGenerator g, String name, Map<String, String> m)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : m.entrySet()) g.writeStringField(e.getKey(), e.getValue());
    g.writeEndObject();
  }

  private static String crcHex(byte[] b, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(b, off, len);
    String hex = Long.toHexString(crc.getValue());
    StringBuilder s = new StringBuilder(8);
    for (int i = hex.length(); i < 8; i++) s.append('0');
    return s.append(hex).toString();
  }

  /** Every intact record in {@code data}, in order; damaged lines are skipped. */
  static List<JournalRecord> decodeAll(byte[] data, int length) {
    List<JournalRecord> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (data[i] == '\n') {
        JournalRecord r = decodeLine(data, start, i);
        if (r != null) out.add(r);
        start = i + 1;
      }
    }
    // Bytes after the last newline are a record whose write was cut short: skipped.
    return out;
  }

  /** The record in {@code data[from, to)}, or null if the line is damaged or not a record. */
  static JournalRecord decodeLine(byte[] data, int from, int to) {
    int len = to - from;
    if (len < 11 || data[to - 9] != ' ') return null;
    String crc = new String(data, to - 8, 8, StandardCharsets.US_ASCII);
    if (!crc.equals(crcHex(data, from, len - 9))) return null;
    try {
      JsonNode n = MAPPER.readTree(new String(data, from, len - 9, StandardCharsets.UTF_8));
      return fromJson(n);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static JournalRecord fromJson(JsonNode n) {
    if (n.path("v").asInt() != VERSION) return null;
    JournalRecord.Kind kind = JournalRecord.Kind.valueOf(n.path("kind").asText());
    List<String> videos = new ArrayList<>();
    for (JsonNode v : n.path("videos")) videos.add(v.asText());
    return new JournalRecord(
        kind,
        text(n, "id"),
        text(n, "token"),
        Instant.parse(n.path("time").asText()),
        text(n, "provider"),
        text(n, "model"),
        text(n, "endpoint"),
        map(n.get("summary")),
        map(n.get("labels")),
        n.hasNonNull("state") ? TaskState.valueOf(n.get("state").asText()) : null,
        videos,
        text(n, "message"),
        text(n, "file"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n == null) return m;
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }
}
