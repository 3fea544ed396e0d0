package dev.lookout.source.jmx;

import dev.lookout.config.Credentials;
import dev.lookout.config.JmxTarget;
import dev.lookout.model.JmxSnapshot;
import dev.lookout.model.SourceError;
import dev.lookout.model.SourceError.Reason;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads one JVM's MBeans over JMX. The connection is made once and kept; any failure drops it
 * and the next scrape connects again. Every remote call runs on the injected executor and the
 * scrape waits at most {@code timeout} for it: RMI calls to a hung JVM block in a socket read
 * that no interrupt ends, so a scrape that times out abandons the read, closes the connector in
 * the background and reports a timeout. At most one read is in flight: while an abandoned one
 * still hangs, later scrapes wait for it (within their own timeout) instead of piling up
 * threads. {@link #scrape} never throws.
 */
public final class JmxSource implements AutoCloseable {
  private final String target;
  private final JMXServiceURL url;
  private final Map<String, Object> env = new HashMap<>();
  private final MBeanReader reader;
  private final long timeoutNanos;
  private final Executor executor;
  private final AtomicReference<JMXConnector> connector = new AtomicReference<>();
  private FutureTask<MBeanReader.Result> inFlight;
  private boolean closed;

  /** Throws {@link IllegalArgumentException} naming the URL or pattern the JMX API rejects. */
  public JmxSource(JmxTarget target, Duration timeout, Executor executor) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("jmx target " + target.name() + ": timeout " + timeout);
    }
    this.target = target.name();
    this.url = serviceUrl(target);
    this.reader = new MBeanReader(queries(target));
    this.timeoutNanos = timeout.toNanos();
    this.executor = executor;
    if (target.credentials() instanceof Credentials.Basic basic) {
      env.put(JMXConnector.CREDENTIALS, new String[] {basic.username(), basic.password()});
    }
  }

  private static JMXServiceURL serviceUrl(JmxTarget target) {
    try {
      return new JMXServiceURL(target.url());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jmx target " + target.name() + ": url \""
          + target.url() + "\" is not a JMX service URL: " + e.getMessage(), e);
    }
  }

  private static List<MBeanReader.Query> queries(JmxTarget target) {
    List<MBeanReader.Query> queries = new ArrayList<>();
    for (JmxTarget.MBean m : target.mbeans()) {
      try {
        queries.add(new MBeanReader.Query(new ObjectName(m.pattern()), m.attributes()));
      } catch (MalformedObjectNameException e) {
        throw new IllegalArgumentException("jmx target " + target.name() + ": pattern \""
            + m.pattern() + "\" is not an object name: " + e.getMessage(), e);
      }
    }
    return queries;
  }

  /** Everything read now, or the reason nothing was; returns within the timeout. */
  public synchronized JmxSnapshot scrape(long nowMillis) {
    if (closed) {
      return failed(nowMillis, Reason.INTERNAL, "source closed");
    }
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      if (inFlight != null && !inFlight.isDone() && !settled(deadline)) {
        return failed(nowMillis, Reason.TIMEOUT, "an earlier read still hangs after "
            + Duration.ofNanos(timeoutNanos).toMillis() + "ms");
      }
      inFlight = new FutureTask<>(this::read);
      executor.execute(inFlight);
      MBeanReader.Result r = inFlight.get(Math.max(0, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      return new JmxSnapshot(target, nowMillis, r.samples(), r.errors());
    } catch (TimeoutException e) {
      // Not cancelled: a cancelled task reads as done while its thread still hangs, and the
      // check above must see it as in flight until it really ends.
      drop();
      return failed(nowMillis, Reason.TIMEOUT, "no answer within "
          + Duration.ofNanos(timeoutNanos).toMillis() + "ms");
    } catch (ExecutionException e) {
      drop();
      return failed(nowMillis, reason(e.getCause()), String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(nowMillis, Reason.INTERNAL, "interrupted");
    } catch (RejectedExecutionException e) {
      return failed(nowMillis, Reason.INTERNAL, "executor rejected the read: " + e);
    }
  }

  /** Waits until the deadline for an abandoned read to end; true once it has. */
  private boolean settled(long deadline) throws InterruptedException {
    try {
      inFlight.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
    return true;
  }

  private MBeanReader.Result read() throws IOException {
    JMXConnector c = connector.get();
    if (c == null) {
      c = JMXConnectorFactory.connect(url, env);
      connector.set(c);
    }
    return reader.read(c.getMBeanServerConnection());
  }

  private static Reason reason(Throwable cause) {
    if (cause instanceof IOException) {
      return Reason.UNREACHABLE;
    }
    return cause instanceof RuntimeException ? Reason.BAD_RESPONSE : Reason.INTERNAL;
  }

  private JmxSnapshot failed(long nowMillis, Reason reason, String message) {
    String what = "jmx " + url;
    return new JmxSnapshot(target, nowMillis, List.of(),
        List.of(new SourceError(what, reason, message)));
  }

  /** Forgets the connection; closing it is a remote call, which may hang, so not here. */
  private void drop() {
    JMXConnector c = connector.getAndSet(null);
    if (c == null) {
      return;
    }
    Runnable close = () -> closeQuietly(c);
    try {
      executor.execute(close);
    } catch (RejectedExecutionException e) {
      Thread t = new Thread(close, "lookout-jmx-close-" + target);
      t.setDaemon(true);
      t.start();
    }
  }

  private static void closeQuietly(JMXConnector c) {
    try {
      c.close();
    } catch (IOException | RuntimeException ignored) {
      // The connection is being thrown away; a failure to say goodbye changes nothing.
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    drop();
  }
}
