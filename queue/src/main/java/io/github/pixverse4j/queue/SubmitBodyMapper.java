package io.github.pixverse4j.queue;

import io.github.pixverse4j.api.ImageToVideoRequest;
import java.util.Map;

/**
 * Writes the JSON body of a queue protocol's submit call: the one part of the protocol that differs
 * per model (field names, units, labels). {@link QueueProtocol#standardSubmitBody()} is the
 * fal-style PixVerse body; write your own when your endpoint names a field differently. The
 * family-neutral form, shared with the poll family, is {@link
 * io.github.pixverse4j.client.provider.SubmitBodyMapper}.
 */
public interface SubmitBodyMapper extends io.github.pixverse4j.client.provider.SubmitBodyMapper {
  /**
   * The submit body for {@code request}, which already passed the protocol's capabilities: field
   * name to value (a {@code String}, {@code Number}, {@code Boolean}, {@code List} or {@code Map}),
   * in the order the fields are sent. Leave out what the request does not set, so the provider
   * applies its own default.
   *
   * @throws IllegalArgumentException if the request cannot be written (a programming error: the
   *     capabilities should have refused it)
   */
  @Override
  Map<String, Object> body(ImageToVideoRequest request);
}
