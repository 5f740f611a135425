package io.github.pixverse4j.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The routes of a simulator, registered in {@link ProviderSimulator#configure(Routes)}.
 *
 * <p>A path pattern is a regular expression that must match the whole request path after the
 * simulator's {@link ProviderSimulator#basePath() base path} (still percent-encoded), e.g. {@code
 * "/requests/([^/]+)"}; its groups become {@link SimRequest#pathParam(int)}. Routes are tried in
 * registration order. A HEAD request matches GET routes. {@code /media/} is reserved for the
 * simulator's media endpoint.
 */
public final class Routes {
  private final List<Route> routes = new ArrayList<>();
  private volatile boolean frozen;

  Routes() {}

  /** Adds a route whose requests must pass {@link ProviderSimulator#checkAuth}. */
  public Routes add(String method, String pathPattern, String endpointName, Handler handler) {
    return add(method, pathPattern, endpointName, handler, true, false);
  }

  /** Adds a route that skips the auth check (e.g. a provider's public upload or health URL). */
  public Routes addUnauthenticated(
      String method, String pathPattern, String endpointName, Handler handler) {
    return add(method, pathPattern, endpointName, handler, false, false);
  }

  synchronized Routes add(
      String method,
      String pathPattern,
      String endpointName,
      Handler handler,
      boolean authenticated,
      boolean outsideBasePath) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathPattern, "pathPattern == null");
    Objects.requireNonNull(endpointName, "endpointName == null");
    Objects.requireNonNull(handler, "handler == null");
    if (frozen) {
      throw new IllegalStateException("routes can only be added in configure(Routes)");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(pathPattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "pathPattern is not a regular expression: " + pathPattern, e);
    }
    routes.add(
        new Route(
            method.toUpperCase(Locale.ROOT),
            pattern,
            endpointName,
            handler,
            authenticated,
            outsideBasePath));
    return this;
  }

  void freeze() {
    frozen = true;
  }

  /** Finds the route for a request; the result has no route when the path or method is wrong. */
  Match resolve(String method, String rawPath, String basePath) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      String relative = route.outsideBasePath ? rawPath : stripBasePath(rawPath, basePath);
      if (relative == null) {
        continue;
      }
      Matcher m = route.pattern.matcher(relative);
      if (!m.matches()) {
        continue;
      }
      if (route.method.equals(method) || (method.equals("HEAD") && route.method.equals("GET"))) {
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          groups.add(m.group(i));
        }
        return new Match(route, Collections.unmodifiableList(groups), Collections.emptySet());
      }
      allowed.add(route.method);
    }
    return new Match(null, Collections.emptyList(), allowed);
  }

  private static String stripBasePath(String rawPath, String basePath) {
    if (basePath.isEmpty()) {
      return rawPath;
    }
    if (!rawPath.startsWith(basePath)) {
      return null;
    }
    String rest = rawPath.substring(basePath.length());
    return rest.isEmpty() || rest.startsWith("/") ? rest : null;
  }

  static final class Route {
    final String method;
    final Pattern pattern;
    final String endpointName;
    final Handler handler;
    final boolean authenticated;
    final boolean outsideBasePath;

    Route(
        String method,
        Pattern pattern,
        String endpointName,
        Handler handler,
        boolean authenticated,
        boolean outsideBasePath) {
      this.method = method;
      this.pattern = pattern;
      this.endpointName = endpointName;
      this.handler = handler;
      this.authenticated = authenticated;
      this.outsideBasePath = outsideBasePath;
    }
  }

  static final class Match {
    /** The matched route, or null. */
    final Route route;

    final List<String> groups;

    /** When no route matched: the methods the path does accept (empty for an unknown path). */
    final Set<String> allowedMethods;

    Match(Route route, List<String> groups, Set<String> allowedMethods) {
      this.route = route;
      this.groups = groups;
      this.allowedMethods = allowedMethods;
    }
  }

  /**
   * {@code value}, a route of a family simulator's settings: starting and not ending with "/".
   *
   * @throws IllegalArgumentException otherwise
   */
  static String checkRoute(String value, String name) {
    java.util.Objects.requireNonNull(value, name + " == null");
    if (!value.startsWith("/") || value.endsWith("/")) {
      throw new IllegalArgumentException(name + " must start and not end with '/': " + value);
    }
    return value;
  }
}
