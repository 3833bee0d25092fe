package se.insyn.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.remote.JMXConnector;

/**
 * How busy a service's JIT compiler is, read from outside through its management beans (attached
 * like {@link HeapWatch}). On two shared cores a freshly started service keeps compiling for
 * minutes under load, and what its compiler threads take is missing from the work being measured; a
 * sustained rate is measured once the compiler has gone quiet.
 */
final class JitWatch implements AutoCloseable {

  private final JMXConnector connector;
  private final CompilationMXBean compilation;
  private long lastMillis;
  private long lastNanos;

  private JitWatch(JMXConnector connector) throws IOException {
    this.connector = connector;
    this.compilation =
        ManagementFactory.newPlatformMXBeanProxy(
            connector.getMBeanServerConnection(),
            ManagementFactory.COMPILATION_MXBEAN_NAME,
            CompilationMXBean.class);
    mark();
  }

  static JitWatch attach(ProcessHandle process) throws Exception {
    return new JitWatch(Jmx.connect(process));
  }

  /** Starts a new interval. */
  void mark() {
    lastMillis = compilation.getTotalCompilationTime();
    lastNanos = System.nanoTime();
  }

  /**
   * The compiler threads' time since the last {@link #mark}, as a share of one core over the same
   * wall time (the JVM's own estimate, summed over its compiler threads; may exceed 1).
   */
  double busySinceMark() {
    double compiled = compilation.getTotalCompilationTime() - lastMillis;
    double wall = (System.nanoTime() - lastNanos) / 1e6;
    return wall <= 0 ? 0 : compiled / wall;
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
