package dev.lookout.cli;

import java.util.logging.Logger;

/**
 * SIGHUP reloads the rules, as operators expect of Prometheus-style daemons. The JDK has no public
 * signal API; where sun.misc.Signal is missing the agent runs without it (POST /-/reload works).
 */
final class Signals {
  private static final Logger LOG = Logger.getLogger(Signals.class.getName());

  private Signals() {}

  @SuppressWarnings("restriction")
  static void onHangup(Runnable action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
    } catch (IllegalArgumentException | LinkageError e) {
      LOG.warning("SIGHUP cannot be handled here; use POST /-/reload: " + e.getMessage());
    }
  }
}
