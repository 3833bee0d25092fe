package se.insyn.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;

/**
 * The heap a service process uses, watched from outside through the JVM's own management beans (the
 * attach API starts the local JMX agent in the running service; nothing is configured in the
 * service for it).
 *
 * <p>Heap use is a sawtooth: it climbs until a collection and drops. The JVM reports every
 * collection with the heap in use just before it (the top of each tooth) and just after it (what
 * the collection could not free). {@link #peak()} is the largest heap in use seen during the watch:
 * the largest "before" of any collection, or of a sample taken every 100 ms (for the climb after
 * the last collection). {@link #peakAfterGc()} is the largest "after": the heap the work kept
 * alive, which is what grows when a job holds on to what it processed; a job in bounded memory
 * keeps it flat however much it processes.
 */
final class HeapWatch implements AutoCloseable {

  private static final double MIB = 1024 * 1024;

  private final JMXConnector connector;
  private final MBeanServerConnection server;
  private final MemoryMXBean memory;
  private final Set<String> heapPools = new HashSet<>();
  private final NotificationListener listener = this::onGc;
  private final Set<ObjectName> collectors;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private long peak;
  private long peakAfterGc;
  private int collections;

  private HeapWatch(JMXConnector connector) throws IOException, JMException {
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
    this.memory =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    for (ObjectName pool :
        server.queryNames(
            ObjectName.getInstance(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"),
            null)) {
      MemoryPoolMXBean p =
          ManagementFactory.newPlatformMXBeanProxy(
              server, pool.getCanonicalName(), MemoryPoolMXBean.class);
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    this.collectors =
        server.queryNames(
            ObjectName.getInstance(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"),
            null);
  }

  /** Attaches to the JVM with this process id (same user, same JDK) and starts watching. */
  static HeapWatch attach(ProcessHandle process) throws Exception {
    HeapWatch watch = new HeapWatch(Jmx.connect(process));
    for (ObjectName gc : watch.collectors) {
      watch.server.addNotificationListener(gc, watch.listener, null, null);
    }
    watch.reset();
    watch.sampler.scheduleAtFixedRate(watch::sample, 100, 100, TimeUnit.MILLISECONDS);
    return watch;
  }

  /** Forgets what was seen so far: the next figures cover only what follows. */
  synchronized void reset() {
    peak = 0;
    peakAfterGc = 0;
    collections = 0;
    sample();
  }

  /** The largest heap in use since the last reset, MiB. */
  synchronized double peak() {
    sample();
    return peak / MIB;
  }

  /** The largest heap still in use right after a collection since the last reset, MiB. */
  synchronized double peakAfterGc() {
    return peakAfterGc / MIB;
  }

  synchronized int collections() {
    return collections;
  }

  /** The heap limit of the watched JVM (its -Xmx), MiB. */
  double limit() {
    return memory.getHeapMemoryUsage().getMax() / MIB;
  }

  private synchronized void sample() {
    try {
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    } catch (RuntimeException e) {
      // The service is gone or busy; the collections' reports still count.
    }
  }

  private synchronized void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
    long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
    peak = Math.max(peak, before);
    // A concurrent cycle's pause-less phases report no change; only real collections count.
    if (before != after || info.getGcInfo().getDuration() > 0) {
      peakAfterGc = Math.max(peakAfterGc, after);
      collections++;
    }
  }

  private long heapUsed(Map<String, MemoryUsage> pools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    return used;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    for (ObjectName gc : collectors) {
      try {
        server.removeNotificationListener(gc, listener);
      } catch (Exception e) {
        // The connection goes anyway.
      }
    }
    try {
      connector.close();
    } catch (IOException e) {
      // Nothing to do: the service keeps running without the watcher.
    }
  }
}
