import com.sun.management.GarbageCollectionNotificationInfo;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Bytes of heap per input byte for the whole lint of a file (parse, every default rule, the
 * findings, the masked copy of the source a report shows), as bench/memory.sh runs it:
 *
 * <pre>
 * java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -Xmx4g -cp target/dockerlint.jar bench/MemoryBench.java FILE|DIR...
 * </pre>
 *
 * For each input it prints
 * <ul>
 *   <li>allocated: bytes the lint allocated ({@code ThreadMXBean.getThreadAllocatedBytes} of the
 *       one thread doing it; run with {@code -XX:ActiveProcessorCount=1} so no helper thread does
 *       part of the work), per input byte;
 *   <li>retained: the live heap after a full collection while the syntax tree, the result and the
 *       masked source are still referenced, less the live heap before, per input byte;
 *   <li>kept: the same once the syntax tree is dropped, what a run keeps of a file for its report
 *       (findings and masked source);
 *   <li>peak: the largest heap in use after any collection during the lint, less the live heap
 *       before, per input byte. After a young collection that includes garbage already promoted,
 *       so it is an upper bound of the peak live heap at the collections' moments (the exact
 *       answer to "does it fit" is the smallest {@code -Xmx} that lints the file, which
 *       bench/memory.sh finds for the synthetic files).
 * </ul>
 * A directory stands for every {@code *Dockerfile*} file under it, summed (one line).
 */
public final class MemoryBench {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

  public static void main(String[] args) throws Exception {
    listenToCollections();
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    // warm up: class loading and the rules' static tables are not the file's memory
    String warm = "FROM alpine:3.19 AS build\nRUN apt-get update && apt-get install -y curl\nENV A=1\nCOPY . /app\n";
    for (int i = 0; i < 200; i++) {
      lint(linter, warm);
    }
    System.out.printf(Locale.ROOT, "%-44s %12s %10s %10s %10s %10s %9s%n", "input", "bytes", "allocated", "retained",
        "kept", "peak", "findings");
    for (String arg : args) {
      Path path = Path.of(arg);
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().contains("Dockerfile")).sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
      long bytes = 0;
      long allocated = 0;
      long retained;
      long kept;
      long peak = 0;
      long findings = 0;
      if (files.size() == 1) {
        Measure m = measure(linter, files.get(0));
        bytes = m.bytes;
        allocated = m.allocated;
        retained = m.retained;
        kept = m.kept;
        peak = m.peak;
        findings = m.findings;
      } else {
        // a directory: every file's lint held at once, as a run holds its results, so a small
        // file's share is not lost in the noise of a collection
        List<Object[]> held = new ArrayList<>();
        long before = liveHeap();
        for (Path file : files) {
          byte[] raw = Files.readAllBytes(file);
          String text = new String(raw, StandardCharsets.UTF_8);
          bytes += raw.length;
          long start = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
          Object[] one = lint(linter, text);
          allocated += THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - start;
          findings += ((Linter.Result) one[1]).findings().size();
          held.add(one);
        }
        retained = liveHeap() - before;
        for (Object[] one : held) {
          one[0] = null;
        }
        kept = liveHeap() - before;
        held = null;
      }
      String name = files.size() == 1 ? path.getFileName().toString() : path.getFileName() + " (" + files.size() + " files)";
      System.out.printf(Locale.ROOT, "%-44s %12d %10.1f %10.1f %10.1f %10s %9d%n", name, bytes,
          (double) allocated / bytes, (double) retained / bytes, (double) kept / bytes,
          files.size() == 1 ? String.format(Locale.ROOT, "%.1f", (double) peak / bytes) : "-", findings);
    }
  }

  private record Measure(long bytes, long allocated, long retained, long kept, long peak, int findings) {}

  private static Measure measure(Linter linter, Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    String text = new String(raw, StandardCharsets.UTF_8);
    long before = liveHeap();
    PEAK_AFTER_GC.set(0);
    long start = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    Object[] held = lint(linter, text);
    long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - start;
    long retained = liveHeap() - before;
    long peak = Math.max(0, Math.max(PEAK_AFTER_GC.get(), retained + before) - before);
    held[0] = null; // the syntax tree; the findings and the masked source stay, as a run keeps them
    long kept = liveHeap() - before;
    int findings = ((Linter.Result) held[1]).findings().size();
    held = null;
    return new Measure(raw.length, allocated, retained, kept, peak, findings);
  }

  /** What LintCommand does per file: parse, check, and the masked copy of the text reports show. */
  private static Object[] lint(Linter linter, String text) {
    Dockerfile file = DockerfileParser.parse("Dockerfile", text);
    Linter.Result result = linter.check(file, null);
    SourceText shown = file.source().masked(result.redactions());
    return new Object[] {file, result, shown};
  }

  private static long liveHeap() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static void listenToCollections() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
          used += pool.getValue().getUsed();
        }
        PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }
}
