package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what an accepted submit body meant: the protocol's field names and units turned into a
 * {@link DecodedRequest}. A configurable simulator ({@link
 * QueueSimulator.Settings.Builder#decoder}) takes one next to its validator, so that the contract
 * can check each setting arrived intact.
 */
public interface RequestDecoder {
  /**
   * The settings {@code body} carries; called only for a body the simulator's validation accepted.
   *
   * @throws IllegalArgumentException if a field cannot be decoded (the simulator then answers 500,
   *     and the contract reports the exception)
   */
  DecodedRequest decode(JsonNode body);
}
