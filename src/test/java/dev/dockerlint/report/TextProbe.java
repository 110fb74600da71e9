package dev.dockerlint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Renders the sample report as text; run by {@link TextReporterTest} in a loader without Jackson. */
public final class TextProbe implements Supplier<String> {
  @Override
  public String get() {
    StringBuilder out = new StringBuilder();
    try {
      new TextReporter(true).write(ReportFixtures.sample(), out);
      new TextReporter(false).write(ReportFixtures.clean(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
