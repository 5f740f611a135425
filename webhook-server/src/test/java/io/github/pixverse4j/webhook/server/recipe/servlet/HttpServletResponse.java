package io.github.pixverse4j.webhook.server.recipe.servlet;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A stand-in for the part of {@code javax.servlet.http.HttpServletResponse} (and {@code
 * jakarta.servlet.http.HttpServletResponse}) the recipe uses, with the same signatures.
 */
public interface HttpServletResponse {
  void setStatus(int status);

  void setContentType(String type);

  PrintWriter getWriter() throws IOException;
}
