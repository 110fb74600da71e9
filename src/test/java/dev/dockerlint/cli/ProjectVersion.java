package dev.dockerlint.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's one version (the pom's) and the samples of the docs that name it. */
final class ProjectVersion {
  /** The project's own version line, as the action and the templates read it with sed. */
  private static final Pattern POM_VERSION = Pattern.compile("(?m)^  <version>(.*)</version>$");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(yaml|yml)\\n(.*?)^```");

  private ProjectVersion() {}

  static String pom() {
    try {
      Matcher m = POM_VERSION.matcher(Files.readString(Path.of("pom.xml")));
      if (!m.find()) {
        throw new IllegalStateException("pom.xml has no project version line");
      }
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fenced yaml blocks of a Markdown text. */
  static List<String> yamlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(2));
    }
    return blocks;
  }
}
