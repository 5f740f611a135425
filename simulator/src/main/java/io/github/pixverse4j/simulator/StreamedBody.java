package io.github.pixverse4j.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A synthetic response body written in small chunks, never held in memory. */
abstract class StreamedBody {
  private static final int BUFFER_SIZE = 8192;

  private final long length;

  StreamedBody(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0: " + length);
    }
    this.length = length;
  }

  final long length() {
    return length;
  }

  /** The byte at {@code offset}. */
  abstract byte byteAt(long offset);

  /** Writes the first {@code min(limit, length)} bytes. */
  final void writeTo(OutputStream out, long limit) throws IOException {
    long end = Math.min(limit, length);
    byte[] buffer = new byte[BUFFER_SIZE];
    long offset = 0;
    while (offset < end) {
      int n = (int) Math.min(buffer.length, end - offset);
      for (int i = 0; i < n; i++) {
        buffer[i] = byteAt(offset + i);
      }
      out.write(buffer, 0, n);
      offset += n;
    }
  }

  /** The first bytes of an MP4 file: an {@code ftyp} box (isom, mp41). */
  private static final byte[] MP4_HEAD = {
    0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
    '4', '1'
  };

  /**
   * An MP4 {@code ftyp} box (24 bytes, so that downloaders' container checks pass), then byte
   * {@code i} is {@code (byte) (i % 251)}: cheap, and a shifted copy does not match.
   */
  static StreamedBody pattern(long length) {
    return new StreamedBody(length) {
      @Override
      byte byteAt(long offset) {
        return patternByte(offset);
      }
    };
  }

  static byte patternByte(long offset) {
    return offset < MP4_HEAD.length ? MP4_HEAD[(int) offset] : (byte) (offset % 251);
  }

  /** A JSON document {@code {"data":"xxx…"}} of exactly {@code length} bytes (once length ≥ 11). */
  static StreamedBody jsonFiller(long length) {
    byte[] prefix = "{\"data\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
    return new StreamedBody(length) {
      @Override
      byte byteAt(long offset) {
        if (offset < prefix.length) {
          return prefix[(int) offset];
        }
        long fromEnd = length - offset;
        if (length >= prefix.length + suffix.length && fromEnd <= suffix.length) {
          return suffix[suffix.length - (int) fromEnd];
        }
        return 'x';
      }
    };
  }
}
