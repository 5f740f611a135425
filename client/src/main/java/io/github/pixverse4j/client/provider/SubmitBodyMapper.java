package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import java.util.Map;

/**
 * Writes the JSON body of a described provider's submit call: the part of a protocol family that
 * differs per model (field names, units, labels), shared by the queue and poll families.
 */
public interface SubmitBodyMapper {
  /**
   * The submit body for {@code request}, which already passed the provider's capabilities: field
   * name to value (a {@code String}, {@code Number}, {@code Boolean}, {@code List} or {@code Map}),
   * in the order the fields are sent. Leave out what the request does not set, so the provider
   * applies its own default.
   *
   * @throws IllegalArgumentException if the request cannot be written (a programming error: the
   *     capabilities should have refused it)
   */
  Map<String, Object> body(ImageToVideoRequest request);

  /**
   * The image of {@code request} as the URL string a provider downloads.
   *
   * @throws IllegalArgumentException if the image is not a URL (the capabilities of a URL-only
   *     provider refuse other kinds before anything is sent)
   */
  static String imageUrl(ImageToVideoRequest request) {
    if (request.image().kind() != ImageInput.Kind.URL) {
      throw new IllegalArgumentException(
          "This provider accepts only an image URL, got " + request.image().kind());
    }
    return request.image().url().toString();
  }
}
