package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where configs are looked for, on a fake file-system layout inside a temporary directory: the
 * fake {@code tmp} stands for the machine's shared temporary directory, {@code home} for the
 * user's home.
 */
class ConfigLookupTest {
  @TempDir Path base;

  private Path dir(String name) throws IOException {
    return Files.createDirectories(base.resolve(name));
  }

  private Path config(String name) throws IOException {
    Path file = base.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "ignore: []\n");
    return file;
  }

  private ConfigLookup lookup(String workingDir) throws IOException {
    return lookup(workingDir, Map.of());
  }

  private ConfigLookup lookup(String workingDir, Map<String, String> env) throws IOException {
    return new ConfigLookup(dir(workingDir), env, Set.of(base.resolve("tmp")));
  }

  @Test
  void theNearestConfigWins() throws IOException, ConfigException {
    dir("repo/.git");
    Path top = config("repo/.dockerlint.yaml");
    Path svc = config("repo/svc/.dockerlint.yaml");
    ConfigLookup lookup = lookup("repo");
    assertThat(lookup.projectConfig(dir("repo/svc/api"))).contains(svc);
    assertThat(lookup.projectConfig(dir("repo/svc"))).contains(svc);
    assertThat(lookup.projectConfig(dir("repo/web"))).contains(top);
    assertThat(lookup.projectConfig(dir("repo"))).contains(top);
  }

  @Test
  void inOneDirectoryTheFirstNameWins() throws IOException, ConfigException {
    dir("repo/.git");
    Path yml = config("repo/a/.dockerlint.yml");
    assertThat(lookup("repo").projectConfig(dir("repo/a"))).contains(yml);
    Path yaml = config("repo/a/.dockerlint.yaml");
    assertThat(lookup("repo").projectConfig(dir("repo/a"))).contains(yaml);
    assertThat(ConfigLookup.PROJECT_FILE_NAMES).startsWith(".dockerlint.yaml", ".dockerlint.yml");
  }

  @Test
  void hadolintsProjectConfigsAreFoundTheSameWayAndOursWinsInOneDirectory() throws IOException, ConfigException {
    dir("repo/.git");
    Path hadolint = config("repo/.hadolint.yaml");
    Path hadolintYml = config("repo/svc/.hadolint.yml");
    ConfigLookup lookup = lookup("repo");
    assertThat(lookup.projectConfig(dir("repo/web"))).as("from a subdirectory").contains(hadolint);
    assertThat(lookup.projectConfig(dir("repo/svc/api"))).as(".yml, nearer").contains(hadolintYml);
    Path ours = config("repo/.dockerlint.yml");
    assertThat(lookup("repo").projectConfig(dir("repo/web"))).as("ours, in the same directory").contains(ours);
    assertThat(lookup("repo").projectConfig(dir("repo/svc"))).as("a nearer hadolint config still wins").contains(hadolintYml);
    Path svcYaml = config("repo/svc/.hadolint.yaml");
    assertThat(lookup("repo").projectConfig(dir("repo/svc"))).as(".yaml before .yml").contains(svcYaml);
    assertThat(ConfigLookup.PROJECT_FILE_NAMES)
        .containsExactly(".dockerlint.yaml", ".dockerlint.yml", ".hadolint.yaml", ".hadolint.yml");
  }

  /** A repository's .hadolint.yaml is a repository config: the lookup's limits hold for it as for ours. */
  @Test
  void hadolintsProjectConfigsHaveTheSameLimits() throws IOException, ConfigException {
    config("outer/.hadolint.yaml");
    dir("outer/repo/.git");
    assertThat(lookup("outer").projectConfig(dir("outer/repo/src"))).as("above the repository root").isEmpty();
    config("home/.hadolint.yaml");
    assertThat(lookup("home/work").projectConfig(dir("home/work/app"))).as("above the working directory").isEmpty();
    config("tmp/.hadolint.yaml");
    assertThat(lookup("tmp/build").projectConfig(dir("tmp/build"))).as("in the shared temporary directory").isEmpty();
    Path secret = base.resolve("secret.yaml");
    Files.writeString(secret, "ignored: [hunter2]\n");
    Files.createSymbolicLink(dir("outer/repo/svc").resolve(".hadolint.yaml"), secret);
    assertThatThrownBy(() -> lookup("outer/repo").projectConfig(base.resolve("outer/repo/svc")))
        .hasMessage("svc/.hadolint.yaml: the config is a symbolic link to a file outside the repository; "
            + "replace the link with a copy of the file");
  }

  @Test
  void hadolintsUserConfigsComeAfterOursInHadolintsOrder() throws IOException, ConfigException {
    Path home = dir("home");
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", base.resolve("xdg").toString());
    List<String> order = List.of("home/.hadolint.yml", "home/.hadolint.yaml", "home/.hadolint/config.yml",
        "home/.hadolint/config.yaml", "home/.hadolint/hadolint.yml", "home/.hadolint/hadolint.yaml",
        "home/.config/hadolint.yml", "home/.config/hadolint.yaml", "xdg/hadolint.yml", "xdg/hadolint.yaml",
        "home/.config/dockerlint/config.yaml", "xdg/dockerlint/config.yaml");
    // each file added wins over those added before it
    for (String name : order) {
      Path file = config(name);
      assertThat(lookup("work", env).userConfig()).as(name).contains(file);
    }
  }

  @Test
  void aHadolintUserConfigOthersCanWriteIsSkippedWithAWarning() throws IOException, ConfigException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path home = dir("home");
    Path user = config("home/.hadolint.yaml");
    Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rw-rw-rw-"));
    ConfigLookup lookup = lookup("work", Map.of("HOME", home.toString()));
    assertThat(lookup.userConfig()).isEmpty();
    assertThat(lookup.takeWarnings()).containsExactly("~/.hadolint.yaml: other users can write this user config, so it "
        + "was skipped; run 'chmod o-w' on it");
    Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rw-r--r--"));
    Path hadolintDir = home.resolve(".hadolint");
    Files.delete(user);
    Path inDir = config("home/.hadolint/hadolint.yaml");
    Files.setPosixFilePermissions(hadolintDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    lookup = lookup("work", Map.of("HOME", home.toString()));
    assertThat(lookup.userConfig()).isEmpty();
    assertThat(lookup.takeWarnings()).containsExactly("~/.hadolint: other users can write this directory, so the user "
        + "config ~/.hadolint/hadolint.yaml was skipped; run 'chmod o-w' on it");
    Files.setPosixFilePermissions(hadolintDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(lookup("work", Map.of("HOME", home.toString())).userConfig()).contains(inDir);
  }

  @Test
  void theLookupStopsAtTheRepositoryRoot() throws IOException, ConfigException {
    config("outer/.dockerlint.yaml");
    dir("outer/repo/.git");
    assertThat(lookup("outer").projectConfig(dir("outer/repo/src"))).as(".git directory").isEmpty();
    // a worktree or submodule has a .git file
    config("outer/wt-parent/.dockerlint.yaml");
    Files.writeString(dir("outer/wt-parent/wt").resolve(".git"), "gitdir: /somewhere/else\n");
    assertThat(lookup("outer").projectConfig(dir("outer/wt-parent/wt/src"))).as(".git file").isEmpty();
    Path root = config("outer/repo/.dockerlint.yaml");
    assertThat(lookup("outer").projectConfig(dir("outer/repo/src"))).contains(root);
  }

  @Test
  void insideARepositoryAConfigAboveTheWorkingDirectoryCounts() throws IOException, ConfigException {
    dir("repo/.git");
    Path root = config("repo/.dockerlint.yaml");
    assertThat(lookup("repo/sub").projectConfig(dir("repo/sub/a"))).contains(root);
  }

  @Test
  void outsideARepositoryNothingAboveTheWorkingDirectoryCounts() throws IOException, ConfigException {
    config("home/.dockerlint.yaml");
    ConfigLookup lookup = lookup("home/work");
    assertThat(lookup.projectConfig(dir("home/work/app"))).isEmpty();
    assertThat(lookup.projectConfig(dir("home/work"))).isEmpty();
    Path work = config("home/work/.dockerlint.yaml");
    assertThat(lookup("home/work").projectConfig(dir("home/work/app"))).contains(work);
  }

  @Test
  void outsideARepositoryADockerfileBesideTheWorkingDirectoryGetsNoProjectConfig() throws IOException, ConfigException {
    config("elsewhere/.dockerlint.yaml");
    assertThat(lookup("work").projectConfig(dir("elsewhere"))).isEmpty();
  }

  @Test
  void theSharedTemporaryDirectoryIsNeverUsed() throws IOException, ConfigException {
    // another local user can write /tmp/.dockerlint.yaml, and /tmp/.git too
    config("tmp/.dockerlint.yaml");
    assertThat(lookup("tmp").projectConfig(dir("tmp/build"))).as("working directory /tmp").isEmpty();
    assertThat(lookup("tmp/build").projectConfig(dir("tmp/build"))).as("below /tmp").isEmpty();
    dir("tmp/.git");
    assertThat(lookup("tmp/build").projectConfig(dir("tmp/build"))).as("/tmp/.git planted").isEmpty();
    assertThat(lookup("work").projectConfig(dir("tmp/build"))).as("a file in /tmp").isEmpty();
    Path own = config("tmp/build/.dockerlint.yaml");
    assertThat(lookup("tmp/build").projectConfig(dir("tmp/build"))).as("the job's own directory").contains(own);
  }

  @Test
  void aWorldWritableDirectoryIsNeverUsed() throws IOException, ConfigException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path shared = dir("shared");
    config("shared/.dockerlint.yaml");
    dir("shared/.git");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(lookup("shared/job").projectConfig(dir("shared/job"))).isEmpty();
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(lookup("shared/job").projectConfig(dir("shared/job"))).isPresent();
  }

  @Test
  void aConfigLinkedToAFileOutsideTheRepositoryIsRefusedUnread() throws IOException, ConfigException {
    dir("repo/.git");
    Path secret = base.resolve("secret.yaml");
    Files.writeString(secret, "format: hunter2-token\n");
    Path link = Files.createSymbolicLink(dir("repo/svc").resolve(".dockerlint.yaml"), secret);
    ConfigLookup lookup = lookup("repo");
    assertThatThrownBy(() -> lookup.projectConfig(base.resolve("repo/svc"))).isInstanceOf(ConfigException.class)
        .hasMessage("svc/.dockerlint.yaml: the config is a symbolic link to a file outside the repository; "
            + "replace the link with a copy of the file")
        .hasMessageNotContaining("hunter2");
    Files.delete(link);
    Path shared = config("repo/shared.yaml");
    Files.createSymbolicLink(link, Path.of("../shared.yaml"));
    assertThat(lookup("repo").projectConfig(base.resolve("repo/svc"))).as("a link inside the repository").contains(link);
    assertThat(shared).exists();
  }

  @Test
  void outsideARepositoryALinkMayNotLeaveTheWorkingDirectory() throws IOException, ConfigException {
    Path secret = base.resolve("secret.yaml");
    Files.writeString(secret, "ignore: []\n");
    Files.createSymbolicLink(dir("work/svc").resolve(".dockerlint.yaml"), secret);
    assertThatThrownBy(() -> lookup("work").projectConfig(base.resolve("work/svc")))
        .hasMessageStartingWith("svc/.dockerlint.yaml: the config is a symbolic link to a file outside the working directory");
  }

  @Test
  void theRootAndTheSystemTemporaryDirectoriesAreShared() {
    Set<Path> named = ConfigLookup.SHARED_DIRECTORIES;
    assertThat(named).contains(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));
    assertThat(ConfigLookup.isShared(Path.of("/").toAbsolutePath(), Set.of())).isTrue();
    assertThat(ConfigLookup.isShared(Path.of("/tmp"), named)).isTrue();
  }

  @Test
  void theUserConfigComesFromTheConfigDirectory() throws IOException, ConfigException {
    Path home = dir("home");
    Path user = config("home/.config/dockerlint/config.yaml");
    assertThat(lookup("work", Map.of("HOME", home.toString())).userConfig()).contains(user);
    Path xdg = config("xdg/dockerlint/config.yaml");
    assertThat(lookup("work", Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", base.resolve("xdg").toString()))
        .userConfig()).as("XDG_CONFIG_HOME first").contains(xdg);
    assertThat(lookup("work", Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", "xdg")).userConfig())
        .as("a relative XDG_CONFIG_HOME is ignored").contains(user);
    assertThat(lookup("work", Map.of("XDG_CONFIG_HOME", base.resolve("xdg").toString())).userConfig())
        .as("XDG_CONFIG_HOME without HOME").contains(xdg);
  }

  @Test
  void withoutAHomeThereIsNoUserConfig() throws IOException, ConfigException {
    config("work/.config/dockerlint/config.yaml");
    assertThat(lookup("work").userConfig()).isEmpty();
    assertThat(lookup("work", Map.of("HOME", "")).userConfig()).isEmpty();
    assertThat(lookup("work", Map.of("HOME", ".")).userConfig()).as("relative HOME").isEmpty();
  }

  @Test
  void aUserConfigOthersCanWriteIsSkippedWithAWarning() throws IOException, ConfigException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path home = dir("home");
    Path user = config("home/.config/dockerlint/config.yaml");
    Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rw-rw-rw-"));
    ConfigLookup lookup = lookup("work", Map.of("HOME", home.toString()));
    assertThat(lookup.userConfig()).isEmpty();
    assertThat(lookup.takeWarnings()).containsExactly("~/.config/dockerlint/config.yaml: other users can write "
        + "this user config, so it was skipped; run 'chmod o-w' on it");
    Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(home.resolve(".config"), PosixFilePermissions.fromString("rwxrwxrwx"));
    lookup = lookup("work", Map.of("HOME", home.toString()));
    assertThat(lookup.userConfig()).as("a world-writable directory on the way").isEmpty();
    assertThat(lookup.takeWarnings()).containsExactly("~/.config: other users can write this directory, so the "
        + "user config ~/.config/dockerlint/config.yaml was skipped; run 'chmod o-w' on it");
    Files.setPosixFilePermissions(home.resolve(".config"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(lookup("work", Map.of("HOME", home.toString())).userConfig()).contains(user);
  }

  @Test
  void aUserConfigOwnedBySomeoneElseIsSkipped() throws IOException, ConfigException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX owners");
    Path home = dir("home");
    Path user = config("home/.config/dockerlint/config.yaml");
    java.nio.file.attribute.UserPrincipal nobody;
    try {
      nobody = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(user, nobody);
    } catch (IOException e) {
      assumeTrue(false, "giving a file to 'nobody' needs root and that user: " + e);
      return;
    }
    assumeTrue(!Files.getOwner(home).equals(nobody), "the home directory must belong to someone else than 'nobody'");
    ConfigLookup lookup = lookup("work", Map.of("HOME", home.toString()));
    assertThat(lookup.userConfig()).isEmpty();
    assertThat(lookup.takeWarnings()).containsExactly("~/.config/dockerlint/config.yaml: this user config belongs to "
        + "'nobody', not to the owner of $HOME, so it was skipped");
  }

  @Test
  void configsAreShownRelativeToTheWorkingDirectoryOrHome() throws IOException, ConfigException {
    Path home = dir("home");
    ConfigLookup lookup = lookup("work", Map.of("HOME", home.toString()));
    assertThat(lookup.display(base.resolve("work/svc/.dockerlint.yaml"))).isEqualTo("svc/.dockerlint.yaml");
    assertThat(lookup.display(base.resolve("home/.config/dockerlint/config.yaml")))
        .isEqualTo("~/.config/dockerlint/config.yaml");
    Path user = config("home/.config/dockerlint/config.yaml");
    ConfigLookup inHome = lookup("home", Map.of("HOME", home.toString()));
    assertThat(inHome.userConfig()).contains(user);
    assertThat(inHome.display(user)).as("the user config, even from the home directory").isEqualTo("~/.config/dockerlint/config.yaml");
    assertThat(inHome.display(base.resolve("home/.dockerlint.yaml"))).isEqualTo(".dockerlint.yaml");
    assertThat(lookup.display(base.resolve("etc/lint.yaml")))
        .isEqualTo(base.resolve("etc/lint.yaml").toString().replace('\\', '/'));
  }
}
