package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.pixverse.PixVerseWebhook.SignatureForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of PixVerse's callbacks, per its "Webhook integration" guide
 * (docs.platform.pixverse.ai/webhook-integration-1905378m0): {@code Base64(HMAC-SHA256(secret,
 * timestamp + "\n" + nonce + "\n" + pairs))}, where {@code pairs} is the JSON body's top-level
 * fields as URL-encoded {@code key=value} joined by {@code &}, booleans lower-case.
 *
 * <p>The guide's samples disagree on two points, so every {@link SignatureForm} is accepted: its
 * Python sample keeps the body's key order, its Go and Java samples sort the keys; and URL encoders
 * differ ({@code urllib}/Go keep {@code ~} and encode {@code *}, {@code java.net.URLEncoder} the
 * reverse). Both encode a space as {@code +}. Values are the JSON text of the value as sent (a
 * string's characters, a number's literal, {@code true}/{@code false}; an object or array as
 * compact JSON, {@code null} as empty: neither appears in documented callbacks).
 */
public final class PixVerseSignature {
  /** Whether {@code form} sorts the keys (else the body's order is kept). */
  static boolean sorted(SignatureForm form) {
    return form == SignatureForm.SORTED_URLLIB || form == SignatureForm.SORTED_URLENCODER;
  }

  /** The characters besides letters and digits that {@code form}'s URL encoder keeps. */
  static String safe(SignatureForm form) {
    return form == SignatureForm.BODY_ORDER_URLLIB || form == SignatureForm.SORTED_URLLIB
        ? "-._~"
        : "-._*";
  }

  private PixVerseSignature() {}

  /**
   * The signature (raw HMAC bytes) of a body in one form.
   *
   * @throws IOException when the body is not a JSON object
   */
  public static byte[] sign(
      byte[] secret, String timestamp, String nonce, byte[] body, SignatureForm form)
      throws IOException {
    return hmac(secret, signString(timestamp, nonce, pairs(body), form));
  }

  /** {@link #sign}, Base64-encoded: what the {@code Webhook-Signature} header carries. */
  public static String signBase64(
      String secret, String timestamp, String nonce, byte[] body, SignatureForm form)
      throws IOException {
    return Base64.getEncoder()
        .encodeToString(
            sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, nonce, body, form));
  }

  /** The body's top-level fields in body order, each value as its JSON text (see the class). */
  public static List<Map.Entry<String, String>> pairs(byte[] body) throws IOException {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) throw new IOException("not a JSON object");
        String name = p.currentName();
        JsonToken v = p.nextToken();
        String text;
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          text = Json.mapper().writeValueAsString(p.readValueAsTree());
        } else if (v == JsonToken.VALUE_NULL) {
          text = "";
        } else if (v == null) {
          throw new IOException("cut-off JSON");
        } else {
          text = p.getText();
        }
        out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, text));
      }
      if (p.nextToken() != null) throw new IOException("more after the JSON object");
    }
    return out;
  }

  /** What is signed: timestamp, nonce and the encoded pairs, one per line. */
  public static String signString(
      String timestamp, String nonce, List<Map.Entry<String, String>> pairs, SignatureForm form) {
    List<Map.Entry<String, String>> ordered = pairs;
    if (sorted(form)) {
      // Ordered by key as Go's url.Values and a Java TreeMap do (UTF-16 order equals byte order
      // for the ASCII keys of callbacks).
      TreeMap<String, String> sorted = new TreeMap<>();
      for (Map.Entry<String, String> e : pairs) sorted.put(e.getKey(), e.getValue());
      ordered = new ArrayList<>(sorted.entrySet());
    }
    StringBuilder sb =
        new StringBuilder().append(timestamp).append('\n').append(nonce).append('\n');
    boolean first = true;
    for (Map.Entry<String, String> e : ordered) {
      if (!first) sb.append('&');
      first = false;
      encode(sb, e.getKey(), safe(form));
      sb.append('=');
      encode(sb, e.getValue(), safe(form));
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Form encoding: letters, digits and {@code safe} kept, space as {@code +}, the rest %XX. */
  static void encode(StringBuilder sb, String s, String safe) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || (c < 0x80 && safe.indexOf(c) >= 0)) {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  /** HMAC-SHA256 of {@code message} (UTF-8) with {@code secret}. */
  public static byte[] hmac(byte[] secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
