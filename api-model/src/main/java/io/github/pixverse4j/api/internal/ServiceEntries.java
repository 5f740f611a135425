package io.github.pixverse4j.api.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code META-INF/services} registrations one entry at a time, so that one bad entry in an
 * add-on jar does not take every other provider down with it ({@link ServiceLoader}'s iterator
 * throws {@link ServiceConfigurationError} for that entry and then goes on with the next). Shared
 * by {@code VideoProviderFactory.load} (client) and {@code SimulatorFactory.load} (simulator), the
 * two modules' one common dependency being this one. Not API: public only for those modules.
 */
public final class ServiceEntries {
  /** Stops a loader whose iterator keeps failing without advancing from looping for ever. */
  private static final int MAX_PROBLEMS = 100;

  private static final Pattern NOT_FOUND = Pattern.compile("Provider ([\\w.$]+) not found");
  private static final Pattern OTHER = Pattern.compile("(?:Provider )?([\\w.$]+) (.+)");

  private ServiceEntries() {}

  public static <S> List<S> load(
      Class<S> service, ClassLoader loader, String kind, List<String> problems) {
    List<S> out = new ArrayList<>();
    Iterator<S> it = ServiceLoader.load(service, loader).iterator();
    int failures = 0;
    while (true) {
      try {
        if (!it.hasNext()) break;
        out.add(it.next());
      } catch (ServiceConfigurationError e) {
        problems.add(describe(service, kind, e));
        if (++failures >= MAX_PROBLEMS) break;
      }
    }
    return out;
  }

  /**
   * One line naming the bad entry and what is wrong with it, without the JDK's service-name prefix.
   */
  public static String describe(Class<?> service, String kind, ServiceConfigurationError e) {
    String message = String.valueOf(e.getMessage());
    String prefix = service.getName() + ": ";
    if (message.startsWith(prefix)) message = message.substring(prefix.length());
    String where = " (in META-INF/services/" + service.getName() + ")";
    Matcher notFound = NOT_FOUND.matcher(message);
    if (notFound.matches()) {
      return "ignoring "
          + kind
          + " entry "
          + notFound.group(1)
          + where
          + ": class not found (a nested class is written Outer$Inner)";
    }
    Matcher other = OTHER.matcher(message);
    if (other.matches())
      return "ignoring " + kind + " entry " + other.group(1) + where + ": " + other.group(2);
    return "ignoring " + kind + " entry" + where + ": " + message;
  }
}
