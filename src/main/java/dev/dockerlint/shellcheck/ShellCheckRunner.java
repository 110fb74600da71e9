package dev.dockerlint.shellcheck;

import dev.dockerlint.ast.ShellDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs ShellCheck for a whole dockerlint run. ShellCheck starts in a few milliseconds but reads
 * scripts slowly, and the files of a project repeat the same RUNs, so the runner
 * <ul>
 *   <li>checks each distinct script once per run ({@link Script#key}: same text, dialect and
 *       declarations), whichever Dockerfile it came from;
 *   <li>puts the scripts of several Dockerfiles into one process when they arrive while the
 *       processes are busy: an idle runner starts a process at once (a single Dockerfile gets
 *       one, started before its rules run), a busy one queues until {@link #MIN_BATCH_CHARS} of
 *       scripts wait or a slot frees; a Dockerfile's scripts are never split over processes, so
 *       a run starts at most one process per Dockerfile;
 *   <li>runs at most one process per core, each writing its scripts as files to a private
 *       temporary directory and its output to a file there (no pipes to drain), stops it past its
 *       deadline, and turns a failure into a one-line reason for the files it concerned.
 * </ul>
 * Thread-safe: the lint threads submit and await concurrently.
 */
final class ShellCheckRunner {
  /** A busy runner queues scripts until this many characters wait. */
  static final int MIN_BATCH_CHARS = 8 * 1024;
  /**
   * The most script text one process gets from several Dockerfiles (one Dockerfile's scripts all
   * go to one process, however long): ShellCheck takes about a second per 100 KB, and a process
   * starts in a few milliseconds, so small batches cost little and keep every core busy to the end.
   */
  static final int MAX_BATCH_CHARS = 32 * 1024;
  /** ShellCheck's output is read up to this size; more is garbage. */
  private static final long MAX_OUTPUT_BYTES = 64L << 20;
  /** Codes that cannot apply to a script cut out of a Dockerfile: sourcing files, ash named as such. */
  static final String EXCLUDED = "SC1090,SC1091,SC2187";

  private final Path executable;
  private final ShellCheckCache cache;
  private final int maxProcesses;
  private final long baseTimeoutNanos;
  /** The deadline grows by one second per this many characters of scripts. */
  private static final int CHARS_PER_EXTRA_SECOND = 16 * 1024;

  private final Map<String, Entry> entries = new HashMap<>();
  /** The new scripts of each Dockerfile submitted, waiting: a Dockerfile's scripts go to one process. */
  private final ArrayDeque<List<Entry>> queue = new ArrayDeque<>();
  private final List<Batch> running = new ArrayList<>();
  private int queuedChars;
  private boolean flushing;
  private String busyboxShell;
  private int processesStarted;

  /**
   * @param timeoutSeconds how long one process may run before it is stopped, plus a second per
   *     16 KB of scripts it checks
   */
  ShellCheckRunner(Path executable, int maxProcesses, long timeoutSeconds) {
    this(executable, null, maxProcesses, timeoutSeconds);
  }

  /** @param cache answers kept from earlier runs, or null */
  ShellCheckRunner(Path executable, ShellCheckCache cache, int maxProcesses, long timeoutSeconds) {
    this.executable = executable;
    this.cache = cache;
    this.maxProcesses = Math.max(1, maxProcesses);
    this.baseTimeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, timeoutSeconds));
  }

  /** What ShellCheck said about one script: its comments, or why there are none. */
  static final class Answer {
    final List<Json1.Comment> comments;
    final String failure;

    Answer(List<Json1.Comment> comments, String failure) {
      this.comments = comments;
      this.failure = failure;
    }
  }

  /** One distinct script of the run. */
  private static final class Entry {
    final Script script;
    /** The file ShellCheck reads. */
    final String content;
    /** Set under the runner's lock when a batch takes the entry. */
    Batch batch;
    /** Set under the batch's lock when it is done, or under the runner's when the cache had it. */
    Answer answer;

    Entry(Script script, String content) {
      this.script = script;
      this.content = content;
    }
  }

  /** The scripts of one Dockerfile, in the order given. */
  static final class Job {
    private final Entry[] entries;

    private Job(Entry[] entries) {
      this.entries = entries;
    }
  }

  /** Queues a Dockerfile's scripts, starting a process now if one is free. */
  Job submit(List<Script> scripts) {
    Entry[] job = new Entry[scripts.size()];
    List<Entry> fresh = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < job.length; i++) {
        String key = scripts.get(i).key();
        Entry entry = entries.get(key);
        if (entry == null) {
          Script script = scripts.get(i);
          entry = new Entry(script, script.content(shellName(script.dialect())));
          entries.put(key, entry);
          List<Json1.Comment> known = cache == null ? null : cache.get(entry.content);
          if (known != null) {
            entry.answer = new Answer(known, null);
          } else {
            fresh.add(entry);
            queuedChars += script.text().length();
          }
        }
        job[i] = entry;
      }
      if (!fresh.isEmpty()) {
        queue.add(fresh);
      }
      pump();
    }
    return new Job(job);
  }

  /** Waits until every script of the job has its answer; in the order submitted. */
  List<Answer> await(Job job) {
    for (Entry entry : job.entries) {
      while (true) {
        Batch wait;
        boolean own;
        synchronized (this) {
          if (entry.batch == null && entry.answer != null) {
            break; // answered from the cache
          }
          flushing = true; // someone waits: what is queued goes now
          pump();
          own = entry.batch != null;
          // a queued entry means every slot is busy: wait for the oldest process, then look again
          wait = own ? entry.batch : running.isEmpty() ? null : running.get(0);
        }
        if (wait == null) {
          break;
        }
        wait.awaitDone();
        if (own) {
          break;
        }
      }
    }
    List<Answer> answers = new ArrayList<>(job.entries.length);
    for (Entry entry : job.entries) {
      Batch batch;
      Answer cached;
      synchronized (this) {
        batch = entry.batch;
        cached = entry.answer;
      }
      answers.add(batch != null ? batch.answer(entry) : cached != null ? cached : new Answer(List.of(), "ShellCheck was not run"));
    }
    return answers;
  }

  /** How many processes the run started (for the benchmark and the tests). */
  synchronized int processesStarted() {
    return processesStarted;
  }

  /** Frees the slots of exited processes and starts what the queue allows. Holds the lock. */
  private void pump() {
    for (Iterator<Batch> it = running.iterator(); it.hasNext(); ) {
      if (!it.next().isRunning()) {
        it.remove();
      }
    }
    while (running.size() < maxProcesses && !queue.isEmpty()
        && (running.isEmpty() || flushing || queuedChars >= MIN_BATCH_CHARS)) {
      int free = maxProcesses - running.size();
      // when flushing, share what is left among the free slots, so every core gets some
      int size = flushing ? Math.max(1, (queuedChars + free - 1) / free) : MAX_BATCH_CHARS;
      List<Entry> taken = new ArrayList<>();
      int chars = 0;
      while (!queue.isEmpty() && (taken.isEmpty() || chars + length(queue.peek()) <= Math.min(size, MAX_BATCH_CHARS))) {
        List<Entry> dockerfile = queue.poll();
        chars += length(dockerfile);
        taken.addAll(dockerfile);
      }
      queuedChars -= chars;
      Batch batch = new Batch(taken, chars);
      for (Entry entry : taken) {
        entry.batch = batch;
      }
      batch.launch();
      if (batch.isRunning()) {
        running.add(batch);
      }
    }
  }

  private static int length(List<Entry> entries) {
    int chars = 0;
    for (Entry entry : entries) {
      chars += entry.script.text().length();
    }
    return chars;
  }

  /** ShellCheck's name of a dialect; busybox only where this ShellCheck knows it (0.10 and later). */
  private String shellName(ShellDialect dialect) {
    return switch (dialect) {
      case BASH -> "bash";
      case DASH -> "dash";
      case KSH -> "ksh";
      case BUSYBOX -> busyboxShell();
      default -> "sh";
    };
  }

  private String busyboxShell() {
    if (busyboxShell == null) {
      busyboxShell = ShellCheckVersion.of(executable).atLeast(0, 10) ? "busybox" : "sh";
    }
    return busyboxShell;
  }

  /** One ShellCheck process and the scripts it checks. */
  private final class Batch {
    private final List<Entry> entries;
    private final long timeoutNanos;
    private final long deadline;
    private Path dir;
    private Process process;
    /** Written under the batch's lock; read by {@link #isRunning} under the runner's. */
    private volatile boolean done;
    private String failure;
    private final Map<Entry, List<Json1.Comment>> comments = new java.util.IdentityHashMap<>();

    Batch(List<Entry> entries, int chars) {
      this.entries = entries;
      this.timeoutNanos = baseTimeoutNanos + TimeUnit.SECONDS.toNanos(chars / CHARS_PER_EXTRA_SECOND);
      this.deadline = System.nanoTime() + timeoutNanos;
    }

    /** Writes the scripts and starts the process; a failure is kept for {@link #awaitDone}. Under the runner's lock. */
    void launch() {
      try {
        dir = Files.createTempDirectory("dockerlint-shellcheck-");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--norc", "--format=json1",
            "--exclude=" + EXCLUDED));
        for (int i = 0; i < entries.size(); i++) {
          Entry entry = entries.get(i);
          String name = i + ".sh"; // relative, in dir: never read as an option
          Files.writeString(dir.resolve(name), entry.content, StandardCharsets.UTF_8);
          command.add(name);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(dir.resolve("out.json").toFile()).redirectError(dir.resolve("err.txt").toFile());
        // the options come from dockerlint alone, not from the environment
        builder.environment().remove("SHELLCHECK_OPTS");
        process = builder.start();
        processesStarted++;
        process.getOutputStream().close();
      } catch (IOException | RuntimeException e) {
        failure = "cannot run '" + executable + "' (" + oneLine(e.getMessage()) + ")";
        if (process != null) {
          process.destroyForcibly();
        }
        finishFailed();
      }
    }

    boolean isRunning() {
      return process != null && !done && process.isAlive();
    }

    /** Waits for the process (up to its deadline) and reads its output; once. */
    synchronized void awaitDone() {
      if (done) {
        return;
      }
      try {
        long remaining = deadline - System.nanoTime();
        boolean exited = remaining > 0 && process.waitFor(remaining, TimeUnit.NANOSECONDS);
        if (!exited) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
          failure = "ShellCheck did not finish within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
              + " s and was stopped";
        } else {
          read(process.exitValue());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        failure = "interrupted while ShellCheck ran";
      } finally {
        finishFailed();
      }
    }

    private void read(int status) {
      if (status != 0 && status != 1) {
        failure = "ShellCheck exited with status " + status + firstLine(dir.resolve("err.txt"));
        return;
      }
      String output;
      try {
        Path out = dir.resolve("out.json");
        if (Files.size(out) > MAX_OUTPUT_BYTES) {
          failure = "ShellCheck's output is larger than " + (MAX_OUTPUT_BYTES >> 20) + " MiB";
          return;
        }
        output = Files.readString(out, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        failure = "cannot read ShellCheck's output (" + oneLine(e.getMessage()) + ")";
        return;
      }
      List<Json1.Comment> all;
      try {
        all = Json1.parse(output);
      } catch (Json.Malformed e) {
        failure = "ShellCheck's output is not the json1 format (" + e.getMessage() + ")";
        return;
      }
      Map<String, Entry> byName = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        byName.put(i + ".sh", entries.get(i));
      }
      for (Json1.Comment comment : all) {
        Entry entry = byName.get(comment.file());
        if (entry == null) {
          failure = "ShellCheck reported on a file it was not given ('" + oneLine(comment.file()) + "')";
          return;
        }
        List<Json1.Comment> own = comments.get(entry);
        if (own == null) {
          own = new ArrayList<>();
          comments.put(entry, own);
        }
        own.add(comment);
      }
    }

    /** Marks the batch done, giving every entry its answer, and removes the scripts. */
    private void finishFailed() {
      for (Entry entry : entries) {
        List<Json1.Comment> own = comments.get(entry);
        entry.answer = failure != null ? new Answer(List.of(), failure) : new Answer(own == null ? List.of() : own, null);
        if (failure == null && cache != null) {
          cache.put(entry.content, entry.answer.comments);
        }
      }
      done = true;
      delete(dir);
    }

    synchronized Answer answer(Entry entry) {
      return entry.answer;
    }
  }

  private static String firstLine(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      int newline = text.indexOf('\n');
      String line = oneLine(newline < 0 ? text : text.substring(0, newline));
      return line.isEmpty() ? "" : ": " + line;
    } catch (IOException e) {
      return "";
    }
  }

  /** A message fit for one line of stderr: control characters dropped, at most 200 characters. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 200; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing a run for
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing a run for
    }
  }
}
