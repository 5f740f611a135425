package io.github.pixverse4j.v3async;

import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

/**
 * The testkit contract for the v3 async protocol; run once per preset by {@link
 * HighwayContractTest} and {@link MyRouterContractTest}. The protocol reports progress but no queue
 * position, and has no cancelled state.
 */
abstract class V3AsyncContractTest extends VideoProviderContract {
  @Override
  protected String unknownStatusBody() {
    return "{\"task\":{\"task_type\":\"X\",\"status\":\"TASK_STATUS_TELEPORTING\",\"reason\":\"\"},"
        + "\"extra\":{},\"images\":[],\"videos\":[],\"audios\":[]}";
  }

  @Override
  protected ContractTraits traits() {
    return ContractTraits.statesOnly().withProgress();
  }
}
