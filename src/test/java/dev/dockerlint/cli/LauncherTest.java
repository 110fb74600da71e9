package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dockerlint}, the launcher a user and the pre-commit hook run: its class-data archive is
 * only an optimisation, so a missing, damaged or unwritable one must never change a run's output or
 * exit code. Runs the script against a jar built here from the compiled classes (the real jar is
 * packaged after the tests), on the JDK running the tests.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  private static final String BAD = "FROM alpine:latest\nRUN echo hi\n";
  private static final Path LAUNCHER = Path.of("bin", "dockerlint").toAbsolutePath();

  @TempDir static Path shared;
  private static Path jar;
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void buildJar() throws IOException {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar") && entry.contains("picocli")) {
        classPath.append(classPath.isEmpty() ? "" : " ").append(Path.of(entry).toUri());
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString());
    jar = shared.resolve("dockerlint.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    // archives older than the jar are rebuilt; keep the jar in the past so a new archive is fresh
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
  }

  private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("DOCKERLINT_JAR", jar.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("DOCKERLINT_CDS");
    builder.environment().remove("DOCKERLINT_JAVA_OPTS");
    builder.environment().put("DOCKERLINT_SHELLCHECK_CACHE", "0"); // never the user's own ShellCheck cache
    builder.environment().putAll(env);
    Path out = dir.resolve("launch.out");
    Path err = dir.resolve("launch.err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The same lint in this JVM. */
  private Run expected() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = Main.run(new String[] {"Dockerfile"}, java.io.InputStream.nullInputStream(),
        new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), dir, false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The archive the launcher keeps for this JDK, waiting for a background trainer (JDK 25+). */
  private static Path archive(Path cache) throws InterruptedException, IOException {
    Path folder = cache.resolve("dockerlint");
    for (int i = 0; i < 600; i++) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          List<Path> done = files.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).toList();
          if (!done.isEmpty()) {
            return done.get(0);
          }
        }
      }
      Thread.sleep(100);
    }
    return null;
  }

  private Map<String, String> cacheEnv() {
    return Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
  }

  /** A first run in a fresh cache; it leaves an archive behind. */
  private Run firstRun() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("Dockerfile"), BAD);
    Run first = launch(cacheEnv(), "Dockerfile");
    assertThat(archive(dir.resolve("cache"))).as("class-data archive").isNotNull();
    return first;
  }

  @Test
  void theFirstRunWritesAnArchiveAndEveryRunPrintsTheSame() throws Exception {
    Run first = firstRun();
    Map<String, String> env = cacheEnv();
    Run second = launch(env, "Dockerfile");
    Run withOptions = launch(env, "--failure-threshold", "error", "Dockerfile");
    Run direct = launch(Map.of("DOCKERLINT_CDS", "0"), "Dockerfile");
    Run inProcess = expected();
    assertThat(List.of(first, second, direct)).containsOnly(inProcess);
    assertThat(inProcess.code()).isEqualTo(1);
    assertThat(withOptions.code()).isZero();
    assertThat(withOptions.out()).isEqualTo(first.out());
  }

  @Test
  void aDamagedArchiveIsIgnored() throws Exception {
    Run first = firstRun();
    Map<String, String> env = cacheEnv();
    Path archive = archive(dir.resolve("cache"));
    byte[] bytes = Files.readAllBytes(archive);
    for (int i = bytes.length / 3; i < bytes.length; i += 4096) {
      bytes[i] ^= 0x5A;
    }
    archive.toFile().setWritable(true);
    try (OutputStream out = Files.newOutputStream(archive)) {
      out.write(bytes);
    }
    assertThat(launch(env, "Dockerfile")).isEqualTo(first);
    Files.write(archive, new byte[] {1, 2, 3});
    assertThat(launch(env, "Dockerfile")).isEqualTo(first);
  }

  @Test
  void aCacheDirectoryThatCannotBeCreatedOnlyCostsTheArchive() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), BAD);
    Path notADirectory = Files.writeString(dir.resolve("cache-file"), "x");
    Run run = launch(Map.of("XDG_CACHE_HOME", notADirectory.toString()), "Dockerfile");
    assertThat(run).isEqualTo(expected());
  }
}
