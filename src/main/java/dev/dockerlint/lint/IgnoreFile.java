package dev.dockerlint.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code .dockerignore} BuildKit would use for a Dockerfile, and its text. The file comes from
 * the repository, so it is read with a bound: one larger than {@link #MAX_BYTES} is nobody's ignore
 * list, and the rules treat it as unreadable rather than hold it in memory for every Dockerfile.
 */
public final class IgnoreFile {
  public static final int MAX_BYTES = 1 << 20;

  /** The file is larger than {@link #MAX_BYTES}. */
  public static final class TooLarge extends IOException {
    TooLarge(Path file) {
      super(file + " is larger than 1 MiB");
    }
  }

  private IgnoreFile() {}

  /**
   * {@code <Dockerfile name>.dockerignore} next to the Dockerfile first, then {@code .dockerignore}
   * at the root of the build context; only regular files (a link to one counts).
   *
   * @param dockerfile the Dockerfile on disk, or null (stdin)
   * @param contextDir the build context directory, or null when there is none
   */
  public static Optional<Path> find(Path dockerfile, Path contextDir) {
    if (dockerfile != null && dockerfile.getFileName() != null) {
      Path dir = dockerfile.toAbsolutePath().getParent();
      Path named = dir == null ? null : dir.resolve(dockerfile.getFileName() + ".dockerignore");
      if (named != null && Files.isRegularFile(named)) {
        return Optional.of(named);
      }
    }
    if (contextDir != null) {
      Path plain = contextDir.resolve(".dockerignore");
      if (Files.isRegularFile(plain)) {
        return Optional.of(plain);
      }
    }
    return Optional.empty();
  }

  /** Whether the file is over the bound, so a caller can say so once (the rules stay silent). */
  public static boolean isTooLarge(Path file) {
    try {
      return Files.size(file) > MAX_BYTES;
    } catch (IOException e) {
      return false; // unreadable: the rules skip it as they skip any unreadable file
    }
  }

  /** The text (UTF-8), never more than {@link #MAX_BYTES} of it read, even when the file grows meanwhile. */
  public static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge(file);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
