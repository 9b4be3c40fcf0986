package dev.talentgraph.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code talentgraph.jvm.heap.after.gc}: the heap in use right after the most recent collection,
 * young or full. Micrometer's {@code jvm.gc.live.data.size} moves only on a full collection, which
 * a server with a steady load may not run for hours; this one shows a leak within minutes.
 */
final class HeapAfterGc implements MeterBinder {
  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("talentgraph.jvm.heap.after.gc", HeapAfterGc::bytes)
        .description("Heap in use after the most recent garbage collection")
        .baseUnit("bytes")
        .register(registry);
  }

  static double bytes() {
    Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    com.sun.management.GcInfo latest = null;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean sun) {
        var info = sun.getLastGcInfo();
        if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
          latest = info;
        }
      }
    }
    if (latest == null) return Double.NaN;
    return latest.getMemoryUsageAfterGc().entrySet().stream()
        .filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed())
        .sum();
  }
}
