package io.github.pixverse4j.webhook.server.recipe.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

/**
 * A stand-in for the part of {@code javax.servlet.http.HttpServletRequest} (and {@code
 * jakarta.servlet.http.HttpServletRequest}) the recipe uses, with the same signatures, so the
 * recipe compiles without a servlet dependency. Only {@code getInputStream()} differs: the real one
 * returns a {@code ServletInputStream}, an {@code InputStream}.
 */
public interface HttpServletRequest {
  String getRequestURI();

  String getQueryString();

  Enumeration<String> getHeaderNames();

  Enumeration<String> getHeaders(String name);

  long getContentLengthLong();

  InputStream getInputStream() throws IOException;
}
