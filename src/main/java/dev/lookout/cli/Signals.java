package dev.lookout.cli;

import java.util.logging.Logger;

/**
 * SIGHUP reloads the rules, as operators expect of Prometheus-style daemons. The JDK has no public
 * signal API; where sun.misc.Signal is missing the agent runs without it (POST /-/reload works).
 * A process started with SIGHUP ignored (under nohup) cannot catch it: the JVM leaves an inherited
 * "ignore" in place, so the agent says so instead of seeming to accept the signal.
 */
final class Signals {
  private static final Logger LOG = Logger.getLogger(Signals.class.getName());

  private Signals() {}

  @SuppressWarnings("restriction")
  static void onHangup(Runnable action) {
    try {
      sun.misc.Signal hup = new sun.misc.Signal("HUP");
      sun.misc.SignalHandler previous = sun.misc.Signal.handle(hup, signal -> action.run());
      if (previous == sun.misc.SignalHandler.SIG_IGN) {
        LOG.warning("SIGHUP is ignored by this process (started under nohup?), so it cannot reload"
            + " the rules; use POST /-/reload, or start the agent without nohup");
      }
    } catch (IllegalArgumentException | LinkageError e) {
      LOG.warning("SIGHUP cannot be handled here; use POST /-/reload: " + e.getMessage());
    }
  }
}
