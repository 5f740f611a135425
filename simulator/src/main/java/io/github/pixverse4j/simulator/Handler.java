package io.github.pixverse4j.simulator;

/** Answers the requests of one route. An exception becomes a 500 response. */
@FunctionalInterface
public interface Handler {
  SimResponse handle(SimRequest request) throws Exception;
}
