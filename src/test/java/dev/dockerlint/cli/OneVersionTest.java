package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One version, one place: the pom's. The jar's --version (its manifest), the action's default
 * (read from the pom at run time), the release (JReleaser takes the pom's, the tag must match it),
 * the image tag and every version the adoption docs name agree with it.
 */
class OneVersionTest {
  /** How the action, the release workflow and the release scripts read the pom's version. */
  private static final String SED = "sed -n 's|^  <version>\\(.*\\)</version>$|\\1|p' pom.xml";
  private static final Pattern RELEASE_VERSION = Pattern.compile("(?<![\\w.:/-])v?(\\d+\\.\\d+\\.\\d+(?:-[A-Za-z0-9.]+)?)\\b");

  @Test
  void theVersionLineIsTheProjectsOwn() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("  <artifactId>dockerlint</artifactId>\n  <version>" + ProjectVersion.pom() + "</version>\n");
    assertThat(ProjectVersion.pom()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    // the jar's --version is the manifest's Implementation-Version, the pom's version
    assertThat(pom).contains("<Implementation-Version>${project.version}</Implementation-Version>");
  }

  @Test
  void everythingThatNeedsTheVersionReadsThePom() throws IOException {
    assertThat(Files.readString(Path.of("action.yml"))).contains(SED.replace("pom.xml", "\"$GITHUB_ACTION_PATH/pom.xml\""));
    String release = Files.readString(Path.of(".github/workflows/release.yml"));
    assertThat(release).contains(SED).contains("if [ \"v$version\" != \"$GITHUB_REF_NAME\" ]")
        .contains(":${{ steps.version.outputs.version }}").contains("org.opencontainers.image.version=${{ steps.version.outputs.version }}");
    assertThat(Files.readString(Path.of(".ci/release-files"))).contains(SED);
    assertThat(Files.readString(Path.of(".ci/release-check"))).contains(SED);
    // JReleaser gets the pom's version from its Maven plugin: the config names none
    assertThat(Files.readString(Path.of("jreleaser.yml"))).doesNotContainPattern("(?m)^\\s+version:\\s*\\d");
    assertThat(Files.readString(Path.of(".pre-commit-hooks.yaml"))).doesNotContainPattern("\\d+\\.\\d+\\.\\d+");
  }

  /** The README's "Where to run it" section and the files it points users at. */
  private static List<String> adoptionDocs() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Where to run it\n");
    int end = readme.indexOf("\n## ", start + 1);
    assertThat(start).isPositive();
    List<String> docs = new ArrayList<>(List.of(readme.substring(start, end)));
    for (String file : List.of("examples/ci/github-code-scanning.yml", "examples/ci/gitlab-ci.yml",
        "examples/ci/pre-commit-config.yaml", "templates/dockerlint.gitlab-ci.yml", "action.yml")) {
      docs.add(Files.readString(Path.of(file)));
    }
    return docs;
  }

  @Test
  void everyDockerlintVersionTheDocsNameIsThePoms() throws IOException {
    List<String> named = new ArrayList<>();
    for (String doc : adoptionDocs()) {
      Matcher m = RELEASE_VERSION.matcher(doc);
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).as("the docs say which release to pin once it exists").isNotEmpty();
    assertThat(named).containsOnly(ProjectVersion.pom());
  }
}
