package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile .dockerlint.yaml (from a pull request) can neither construct objects nor exhaust memory,
 * time or stack; each refusal is one clear message naming the file and, where there is one, the
 * line and column.
 */
class ConfigSafetyTest {
  private final ConfigLoader loader = new ConfigLoader(Set.of("image-latest", "dl3007", "user-root"));
  private final Path file = Path.of(".dockerlint.yaml");

  @Test
  void globalTagsAndTagDirectivesAreRefused() {
    assertThatThrownBy(() -> loader.parse(file, "%TAG !e! tag:example.com,2000:app/\n---\nformat: !e!thing text\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml:3:9: YAML tags are not allowed (found tag:example.com,2000:app/thing)");
    assertThatThrownBy(() -> loader.parse(file, "ignore:\n  - !!java.net.URL [\"http://example.invalid\"]\n"))
        .hasMessageStartingWith(".dockerlint.yaml:2:5: ");
    assertThatThrownBy(() -> loader.parse(file, "!!javax.script.ScriptEngineManager ignore: []\n"))
        .hasMessage(".dockerlint.yaml:1:1: invalid YAML: Global tag is not allowed: "
            + "tag:yaml.org,2002:javax.script.ScriptEngineManager");
    assertThatThrownBy(() -> loader.parse(file, "label-schema:\n  !custom key: text\n"))
        .hasMessage(".dockerlint.yaml:2:3: YAML tags are not allowed (found !custom)");
  }

  @Test
  void billionLaughsFailsFastWithAClearMessage() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
      }
      yaml.append("]\n");
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> loader.parse(file, yaml.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(".dockerlint.yaml")
        .hasMessageContaining("aliases");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void aFileOverOneMebibyteIsRefusedUnread(@TempDir Path dir) throws IOException {
    Path big = dir.resolve(".dockerlint.yaml");
    Files.writeString(big, "# " + "x".repeat(1 << 20) + "\nformat: text\n");
    assertThatThrownBy(() -> loader.load(big))
        .isInstanceOf(ConfigException.class)
        .hasMessage(big + ": config file is larger than 1 MiB");
  }

  @Test
  void tooLongTextIsRefusedWhenParsedDirectly() {
    String yaml = "format: text\n# " + "x".repeat(1 << 20) + "\n";
    assertThatThrownBy(() -> loader.parse(file, yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml: config file is larger than 1 MiB");
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() {
    String deep = "severity: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    assertThatThrownBy(() -> loader.parse(file, deep))
        .isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml: invalid YAML: Nesting Depth exceeded max 20"); // SnakeYAML gives no position
    String mappings = "label-schema:\n" + "  a:\n".repeat(1) + "{b: ".repeat(50) + "c" + "}".repeat(50) + "\n";
    assertThatThrownBy(() -> loader.parse(file, mappings)).isInstanceOf(ConfigException.class);
  }

  @Test
  void recursiveAliasesAreRefused() {
    // SnakeYAML composes a sequence that contains itself; walking it must not overflow the stack
    assertThatThrownBy(() -> loader.parse(file, "ignore: &a [*a]\n")).isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml:1:9: recursive YAML aliases are not allowed");
    assertThatThrownBy(() -> loader.parse(file, "label-schema: &m {a: *m}\n")).isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml:1:15: recursive YAML aliases are not allowed");
  }

  @Test
  void syntaxErrorsNameLineAndColumnOnOneLine() {
    assertThatThrownBy(() -> loader.parse(file, "ignore: [image-latest\nformat: text\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(".dockerlint.yaml:2:")
        .hasMessageContaining("invalid YAML")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void everyErrorListsWhatIsAllowed() {
    assertThatThrownBy(() -> loader.parse(file, "format: yaml\n"))
        .hasMessage(".dockerlint.yaml:1:9: invalid value 'yaml'; expected one of text, json, sarif, github, gitlab, "
            + "checkstyle, junit, gnu, tty, hadolint-json, codeclimate, gitlab_codeclimate, codacy, sonarqube");
    assertThatThrownBy(() -> loader.parse(file, "enable: [nope]\n"))
        .hasMessage(".dockerlint.yaml:1:10: unknown rule 'nope'; run 'dockerlint rules' for the list of ids");
    assertThatThrownBy(() -> loader.parse(file, "format: [text]\n"))
        .hasMessage(".dockerlint.yaml:1:9: expected a plain value");
  }
}
