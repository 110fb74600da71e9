package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Runs {@code bin/dockerlint} the way a user does, against a jar built from the compiled classes
 * (the real jar is packaged after the tests) and a JDK whose {@code bin/java} is a script that logs
 * each command line before it starts the real one, so a test can see which JVMs the launcher
 * started and with which options. Everything lives in one directory of the test's own.
 */
final class LauncherRunner {
  static final Path LAUNCHER = Path.of("bin", "dockerlint").toAbsolutePath();
  /** A file with findings: exit code 1. */
  static final String BAD = "FROM alpine:latest\nRUN echo hi\n";

  record Run(int code, String out, String err, long millis) {
    /** Code and output, without the time. */
    Run result() {
      return new Run(code, out, err, 0);
    }
  }

  final Path dir;
  final Path work;
  final Path jar;
  final Path jdk;
  final Path log;
  final Map<String, String> env = new HashMap<>();

  /**
   * @param dir the test's own directory
   * @param javaHome the JDK the launcher is to use
   */
  LauncherRunner(Path dir, Path javaHome) throws IOException {
    this.dir = dir;
    work = Files.createDirectories(dir.resolve("work"));
    jar = buildJar(Files.createDirectories(dir.resolve("lib")).resolve("dockerlint.jar"));
    jdk = Files.createDirectories(dir.resolve("jdk"));
    Files.copy(javaHome.resolve("release"), jdk.resolve("release"));
    log = dir.resolve("java.log");
    Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$FAKE_JAVA_LOG\"\n"
        + "case \"$*\" in *DumpLoadedClassList*|*AOTCacheOutput*) sleep \"${FAKE_JAVA_TRAIN_DELAY:-0}\" ;; esac\n"
        + "exec '" + javaHome.resolve("bin").resolve("java") + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(work.resolve("Dockerfile"), BAD);
    env.put("JAVA_HOME", jdk.toString());
    env.put("FAKE_JAVA_LOG", log.toString());
    env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
  }

  /** The JDK running the tests. */
  static Path testJdk() {
    return Path.of(System.getProperty("java.home"));
  }

  private static Path built;

  /**
   * A copy of a jar like the one Maven packages: target/classes and the runtime dependencies in one
   * file (a class-data archive holds classes from the jar itself only), with a time in the past.
   */
  private static Path buildJar(Path jar) throws IOException {
    synchronized (LauncherRunner.class) {
      if (built == null) {
        built = packageJar(Path.of("target", "launcher-test", "dockerlint.jar").toAbsolutePath());
      }
    }
    Files.copy(built, jar);
    // an archive carries the jar's time; a time in the past tells an archive made now from a new one
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() / 1000 * 1000 - 60_000));
    return jar;
  }

  private static Path packageJar(Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
    java.util.Set<String> names = new java.util.HashSet<>();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      Path classes = Path.of("target", "classes").toAbsolutePath();
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String name = classes.relativize(file).toString().replace('\\', '/');
          names.add(name);
          out.putNextEntry(new JarEntry(name));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        if (entry.matches(".*/(jackson-(core|databind|annotations)|snakeyaml)-[^/]*\\.jar")) {
          try (java.util.jar.JarFile dependency = new java.util.jar.JarFile(entry)) {
            for (JarEntry e : java.util.Collections.list(dependency.entries())) {
              String name = e.getName();
              if (e.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                  || name.matches("META-INF/[^/]*\\.(SF|DSA|RSA)") || !names.add(name)) {
                continue;
              }
              out.putNextEntry(new JarEntry(name));
              try (InputStream in = dependency.getInputStream(e)) {
                in.transferTo(out);
              }
              out.closeEntry();
            }
          }
        }
      }
    }
    return jar;
  }

  /** A started launcher: its process, the number of its output files and when it started. */
  record Started(Process process, int n, long nanos) {}

  Started start(Map<String, String> extra, String... args) throws IOException {
    return start(extra, List.of("sh", LAUNCHER.toString()), args);
  }

  /** Starts COMMAND (the launcher, maybe wrapped) with ARGS in the work directory. */
  Started start(Map<String, String> extra, List<String> command, String... args) throws IOException {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(full).directory(work.toFile());
    builder.environment().remove("DOCKERLINT_CDS");
    builder.environment().remove("DOCKERLINT_JAVA_OPTS");
    builder.environment().remove("DOCKERLINT_JAR");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().put("DOCKERLINT_SHELLCHECK_CACHE", "0"); // never the user's own ShellCheck cache
    builder.environment().putAll(env);
    builder.environment().put("DOCKERLINT_JAR", jar.toString());
    for (Map.Entry<String, String> e : extra.entrySet()) {
      if (e.getValue() == null) {
        builder.environment().remove(e.getKey());
      } else {
        builder.environment().put(e.getKey(), e.getValue());
      }
    }
    int n = 0;
    while (Files.exists(dir.resolve("out" + n))) {
      n++;
    }
    Files.createFile(dir.resolve("out" + n));
    long nanos = System.nanoTime();
    Process process = builder.redirectOutput(dir.resolve("out" + n).toFile()).redirectError(dir.resolve("err" + n).toFile())
        .start();
    return new Started(process, n, nanos);
  }

  /** Waits for a launcher from {@link #start}. */
  Run finish(Started started) throws IOException, InterruptedException {
    assertThat(started.process().waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    long millis = (System.nanoTime() - started.nanos()) / 1_000_000;
    return new Run(started.process().exitValue(), Files.readString(dir.resolve("out" + started.n()), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err" + started.n()), StandardCharsets.UTF_8), millis);
  }

  Run launch(Map<String, String> extra, String... args) throws IOException, InterruptedException {
    return finish(start(extra, args));
  }

  Run launch(String... args) throws IOException, InterruptedException {
    return launch(Map.of(), args);
  }

  /** A run that logs where each class came from into LOG: DOCKERLINT_JAVA_OPTS, as a user would. */
  Run launchLogged(Path classLog, String... args) throws IOException, InterruptedException {
    return launch(Map.of("DOCKERLINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), args);
  }

  /** Whether the run that wrote LOG took CLASS from a class-data archive. */
  static boolean shared(Path classLog, String className) throws IOException {
    for (String line : Files.readAllLines(classLog, StandardCharsets.UTF_8)) {
      if (line.contains(" " + className + " source: ")) {
        return line.contains("source: shared objects file");
      }
    }
    throw new AssertionError(className + " was not loaded at all: " + classLog);
  }

  /** The same lint in this JVM, in the work directory. */
  Run expected(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args.length == 0 ? new String[] {"Dockerfile"} : args, InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), work, false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), 0);
  }

  /** The lines the fake java logged: each JVM the launcher (or its trainer) started. */
  List<String> javaRuns() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  static long count(List<String> lines, String part) {
    long n = 0;
    for (String line : lines) {
      if (line.contains(part)) {
        n++;
      }
    }
    return n;
  }

  /** The cache directory the launcher uses with the default environment. */
  Path cacheDir() {
    return Path.of(env.get("XDG_CACHE_HOME")).resolve("dockerlint");
  }

  /** The archive in FOLDER whose name ends with SUFFIX, once no trainer is at work there; null after 120 s. */
  static Path awaitArchive(Path folder, String suffix) throws IOException, InterruptedException {
    for (int i = 0; i < 1200; i++) {
      if (Files.isDirectory(folder) && !training(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.toList()) {
            if (file.getFileName().toString().endsWith(suffix) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              return file;
            }
          }
        }
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** Whether a trainer holds its directory (NAME.new) in FOLDER. */
  static boolean training(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().endsWith(".new") && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits until no trainer is at work anywhere under this runner's directory (a test leaves none behind). */
  void awaitTrainers() throws IOException, InterruptedException {
    for (int i = 0; i < 1200; i++) {
      boolean busy;
      try (Stream<Path> files = Files.walk(dir)) {
        busy = false;
        for (Path file : files.toList()) {
          if (file.getFileName().toString().endsWith(".new") && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
              && !Files.isSymbolicLink(file)) {
            busy = true;
          }
        }
      } catch (java.io.UncheckedIOException e) {
        busy = true; // a trainer removed a file during the walk
      }
      if (!busy) {
        Thread.sleep(200); // the trainer's last rm and exit
        return;
      }
      Thread.sleep(100);
    }
  }

  static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
  }

  static boolean writableByOthers(Path file) throws IOException {
    java.util.Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    return perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
  }

  static int uid(Path file) throws IOException {
    return (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether this process may hand files to another user (root). */
  boolean canChown() throws IOException {
    return uid(dir) == 0;
  }

  static void chown(Path file, int uid) throws IOException {
    Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
  }

  FileTime jarTime() throws IOException {
    return Files.getLastModifiedTime(jar);
  }
}
