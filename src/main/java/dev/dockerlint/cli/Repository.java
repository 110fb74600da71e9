package dev.dockerlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Where the git repository holding a path starts, and paths compared the way git compares them. */
final class Repository {
  private Repository() {}

  /**
   * The nearest directory at or above {@code dir} holding a {@code .git} (a directory, or the file a
   * worktree or submodule has), as git itself looks; or null outside every repository.
   */
  static Path rootOf(Path dir) {
    for (Path at = canonical(dir); at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return at;
      }
    }
    return null;
  }

  /** The path with every link resolved, or absolute and normalised when it does not exist. */
  static Path canonical(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /**
   * A file's path with its directory's links resolved but not the file's own, so a file given
   * through a linked directory ({@code view/Dockerfile}) is the same as its real one, and a linked
   * file ({@code Dockerfile.ci}) is still itself.
   */
  static Path canonicalDirectory(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return parent == null || absolute.getFileName() == null ? absolute : canonical(parent).resolve(absolute.getFileName());
  }

  /** {@code file} from {@code root}, with {@code /} between names on every system. */
  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
