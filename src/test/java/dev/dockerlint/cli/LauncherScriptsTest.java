package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the launchers without running them: {@code bin/dockerlint.cmd} (which
 * cannot run here) names the same JVM options, training options and jar locations as
 * {@code bin/dockerlint}, and the project's image starts the tool through the launcher with
 * archives made at build time.
 */
class LauncherScriptsTest {
  private static final Path SH = Path.of("bin", "dockerlint");
  private static final Path CMD = Path.of("bin", "dockerlint.cmd");

  private static String sh() throws IOException {
    return Files.readString(SH, StandardCharsets.UTF_8);
  }

  private static String cmd() throws IOException {
    return Files.readString(CMD, StandardCharsets.UTF_8);
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.trim().split("\\s+"));
  }

  /** The value of {@code name="..."} in the sh launcher, continued lines joined. */
  private static List<String> shValue(String name) throws IOException {
    Matcher m = Pattern.compile("(?m)^\\s*" + name + "=\"((?:[^\"\\\\]|\\\\\\n)*)\"").matcher(sh());
    assertThat(m.find()).as(name + " in bin/dockerlint").isTrue();
    return words(m.group(1).replace("\\\n", " "));
  }

  /** The first value of {@code set "NAME=..."} in the cmd launcher that holds CONTAINING. */
  private static List<String> cmdValue(String name, String containing) throws IOException {
    Matcher m = Pattern.compile("set \"" + name + "=([^\"]*)\"").matcher(cmd());
    while (m.find()) {
      if (m.group(1).contains(containing)) {
        return words(m.group(1));
      }
    }
    throw new AssertionError(name + " with " + containing + " not in bin/dockerlint.cmd");
  }

  @Test
  void bothLaunchersStartTheJvmWithTheSameOptions() throws IOException {
    List<String> options = shValue("vm_opts");
    assertThat(options).contains("-XX:TieredStopAtLevel=1", "-Xmx192m");
    // the collector is chosen per archive kind: G1 (the default) maps a JDK 17 archive's heap objects
    assertThat(options).noneMatch(option -> option.startsWith("-XX:+Use") && option.endsWith("GC"));
    assertThat(cmdValue("DL_VM_OPTS", "")).isEqualTo(options);
  }

  @Test
  void theShLauncherPicksTheArchiveForPathsForExactlyTheOptionsMainReadsWithoutPicocli() throws IOException {
    Matcher valued = Pattern.compile("(?m)^\\s*(--failure-threshold[^)]*)\\) value=1 ;;$").matcher(sh());
    assertThat(valued.find()).isTrue();
    assertThat(new java.util.TreeSet<>(Arrays.asList(valued.group(1).split(" \\| "))))
        .isEqualTo(new java.util.TreeSet<>(Main.SIMPLE_VALUED));
    Matcher plain = Pattern.compile("(?m)^\\s*(--failure-threshold=[^)]*)\\) ;;$").matcher(sh());
    assertThat(plain.find()).isTrue();
    java.util.Set<String> expected = new java.util.TreeSet<>(Main.SIMPLE_FLAGS);
    Main.SIMPLE_VALUED.forEach(name -> expected.add(name + "=*"));
    expected.add("-");
    assertThat(new java.util.TreeSet<>(Arrays.asList(plain.group(1).split(" \\| ")))).isEqualTo(expected);
    for (String flag : Main.SIMPLE_FLAGS) {
      assertThat(Main.simpleLint(new String[] {flag, "Dockerfile"}, null)).as(flag).isNotNull();
    }
  }

  @Test
  void bothLaunchersRunAndTrainAnAotCacheWithTheSameCollector() throws IOException {
    assertThat(sh()).contains("aot_gc=-XX:+UseSerialGC", "-Xlog:aot=off -Xlog:cds=off $aot_gc \"$@\"",
        "\"-XX:AOTCacheOutput=$work/archive\" $aot_gc $vm_opts", "-XX:AOTMode=on -XX:+VerifySharedSpaces $aot_gc $vm_opts");
    assertThat(cmdValue("DL_AOT_GC", "GC")).containsExactly("-XX:+UseSerialGC");
    assertThat(cmd()).contains("-Xlog:aot=off -Xlog:cds=off %DL_AOT_GC% %DL_VM_OPTS%",
        "\"-XX:AOTCacheOutput=%DL_WORK%\\archive\" %DL_AOT_GC% %DL_VM_OPTS%", "-XX:AOTMode=on -XX:+VerifySharedSpaces %DL_AOT_GC% %DL_VM_OPTS%");
  }

  @Test
  void bothLaunchersTrainWithTheSameAotOptionsAndUseArchivesAlike() throws IOException {
    Matcher m = Pattern.compile("linking\\+code\\) aot_opts=\"([^\"]*)\"").matcher(sh());
    assertThat(m.find()).isTrue();
    assertThat(cmdValue("DL_AOT_OPTS", "AOTStubCaching")).isEqualTo(words(m.group(1)));
    assertThat(sh()).contains("linking) aot_opts=-XX:+AOTClassLinking ;;");
    assertThat(cmd()).contains("set \"DL_AOT_OPTS=-XX:+AOTClassLinking\"");
    for (String part : List.of("-XX:AOTCache=", "-Xlog:aot=off -Xlog:cds=off", "-XX:AOTCacheOutput=",
        "-XX:AOTMode=on -XX:+VerifySharedSpaces", "-XX:DumpLoadedClassList=", "-Xshare:dump",
        "-XX:SharedClassListFile=", "-Xshare:on -XX:+VerifySharedSpaces", "-Ddockerlint.cds.train=true",
        "-Ddockerlint.cds.config=", "--failure-threshold none Dockerfile.clean", "aot-options")) {
      assertThat(sh()).as("bin/dockerlint").contains(part);
      assertThat(cmd()).as("bin/dockerlint.cmd").contains(part);
    }
  }

  @Test
  void bothLaunchersLookForTheJarInTheSamePlaces() throws IOException {
    for (String place : List.of("dockerlint.jar", "/../target/dockerlint.jar", "/../lib/dockerlint.jar",
        "/../share/dockerlint/dockerlint.jar")) {
      assertThat(sh()).contains("\"$here" + (place.startsWith("/") ? place : "/" + place) + "\"");
      assertThat(cmd()).contains("\"%~dp0" + place.replaceFirst("^/", "").replace('/', '\\') + "\"");
    }
    assertThat(sh()).contains("DOCKERLINT_JAR");
    assertThat(cmd()).contains("%DOCKERLINT_JAR%");
  }

  @Test
  void theWindowsLauncherHasCrlfLineEndingsAndNoDelayedExpansion() throws IOException {
    byte[] bytes = Files.readAllBytes(CMD);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        assertThat(i > 0 && bytes[i - 1] == '\r').as("CRLF before byte " + i).isTrue();
      }
    }
    // labels cmd cannot find with LF endings, and '!' in arguments kept as they are
    assertThat(cmd()).startsWith("@echo off\r\n").contains("setlocal EnableExtensions DisableDelayedExpansion");
  }

  @Test
  void theShLauncherStartsWithoutEnv() throws IOException {
    // "#!/usr/bin/env sh" costs an exec of env on every run
    assertThat(sh()).startsWith("#!/bin/sh\n");
  }

  @Test
  void theImageStartsTheToolThroughTheLauncherWithArchivesMadeAtBuildTime() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("Dockerfile"), StandardCharsets.UTF_8));
    int last = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("FROM ")) {
        last = i;
      }
    }
    String runtime = String.join("\n", lines.subList(last, lines.size()));
    assertThat(runtime).contains("COPY --from=build /src/bin/dockerlint /opt/dockerlint/dockerlint")
        .contains("COPY --from=build /src/target/dockerlint.jar /opt/dockerlint/dockerlint.jar")
        .contains("RUN DOCKERLINT_CDS=install /opt/dockerlint/dockerlint")
        .contains("ENTRYPOINT [\"/opt/dockerlint/dockerlint\"]");
    // the archives are made as root before USER, for the JDK of the runtime image itself
    assertThat(runtime.indexOf("DOCKERLINT_CDS=install")).isLessThan(runtime.indexOf("USER "));
  }
}
