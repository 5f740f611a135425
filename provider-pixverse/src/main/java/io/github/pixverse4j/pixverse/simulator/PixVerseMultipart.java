package io.github.pixverse4j.pixverse.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A minimal {@code multipart/form-data} reader (RFC 7578) for {@link PixVerseSimulator}'s upload.
 */
final class PixVerseMultipart {
  /** One part: its form name, optional file name and content type, and its bytes. */
  static final class Part {
    final String name;
    final String fileName;
    final String contentType;
    final byte[] content;

    Part(String name, String fileName, String contentType, byte[] content) {
      this.name = name;
      this.fileName = fileName;
      this.contentType = contentType;
      this.content = content;
    }

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private PixVerseMultipart() {}

  /** The boundary of a {@code multipart/form-data} content type, or null when it is not one. */
  static String boundary(String contentType) {
    if (contentType == null) return null;
    String[] params = contentType.split(";");
    if (!params[0].trim().equalsIgnoreCase("multipart/form-data")) return null;
    for (int i = 1; i < params.length; i++) {
      String p = params[i].trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length());
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\""))
          b = b.substring(1, b.length() - 1);
        return b.isEmpty() ? null : b;
      }
    }
    return null;
  }

  /**
   * The parts of {@code body}.
   *
   * @throws IllegalArgumentException when the body is not well-formed multipart
   */
  static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) throw new IllegalArgumentException("no multipart boundary in the body");
    List<Part> parts = new ArrayList<>();
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (startsWith(body, afterDelimiter, "--")) return Collections.unmodifiableList(parts);
      if (!startsWith(body, afterDelimiter, "\r\n")) {
        throw new IllegalArgumentException("a multipart boundary is not followed by CRLF");
      }
      int headersStart = afterDelimiter + 2;
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) throw new IllegalArgumentException("a multipart part has no header end");
      byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      int contentEnd = indexOf(body, next, headersEnd + 4);
      if (contentEnd < 0) throw new IllegalArgumentException("the multipart body is not closed");
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      parts.add(part(headers, Arrays.copyOfRange(body, headersEnd + 4, contentEnd)));
      at = contentEnd + 2;
    }
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String fileName = null;
    String contentType = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-type")) {
        contentType = value;
      } else if (header.equals("content-disposition")) {
        name = parameter(value, "name");
        fileName = parameter(value, "filename");
      }
    }
    if (name == null) throw new IllegalArgumentException("a multipart part has no name");
    return new Part(name, fileName, contentType, content);
  }

  private static String parameter(String disposition, String key) {
    for (String p : disposition.split(";")) {
      String t = p.trim();
      if (t.toLowerCase(Locale.ROOT).startsWith(key + "=")) {
        String v = t.substring(key.length() + 1);
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""))
          v = v.substring(1, v.length() - 1);
        return v;
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] body, int from, String s) {
    if (from + s.length() > body.length) return false;
    for (int i = 0; i < s.length(); i++) {
      if (body[from + i] != s.charAt(i)) return false;
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (body[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
