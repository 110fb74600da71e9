package dev.dockerlint.shellcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version {@code shellcheck --version} prints ({@code version: 0.9.0}), asked only when a
 * feature depends on it (the busybox dialect came with 0.10); 0.0 when it cannot be told.
 */
record ShellCheckVersion(int major, int minor) {
  private static final Pattern VERSION = Pattern.compile("(?m)^version:\\s*(\\d+)\\.(\\d+)");

  static ShellCheckVersion of(Path executable) {
    try {
      ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true);
      builder.environment().remove("SHELLCHECK_OPTS");
      Process process = builder.start();
      process.getOutputStream().close();
      // a few lines, well within the pipe's buffer: wait first, so a hung program cannot block the read
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new ShellCheckVersion(0, 0);
      }
      try (InputStream in = process.getInputStream()) {
        return parse(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      return new ShellCheckVersion(0, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ShellCheckVersion(0, 0);
    }
  }

  static ShellCheckVersion parse(String output) {
    Matcher m = VERSION.matcher(output);
    if (!m.find()) {
      return new ShellCheckVersion(0, 0);
    }
    try {
      return new ShellCheckVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      return new ShellCheckVersion(0, 0);
    }
  }

  boolean atLeast(int wantedMajor, int wantedMinor) {
    return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
  }
}
