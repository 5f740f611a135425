package io.github.pixverse4j.cli;

/** Reads environment variables; tests supply their own. */
@FunctionalInterface
interface Env {
  String get(String name);

  static Env system() {
    return System::getenv;
  }
}
