package dev.dockerlint.shellcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ShellCheck's answers kept between runs in the user's cache directory
 * ({@code $XDG_CACHE_HOME/dockerlint/shellcheck}, else {@code ~/.cache/dockerlint/shellcheck}):
 * a script checked before, by the same ShellCheck (its file, size and time) with the same
 * options, is not checked again. ShellCheck reads about 100 KB of script a second, so on a
 * project whose RUNs rarely change this is most of its cost.
 *
 * <p>An entry is named by the SHA-256 of all that and the file ShellCheck read, so it cannot
 * answer for another script. The directory is used only when it is a real directory (not a
 * link) that its owner alone can write and that belongs to the owner of the home (or cache)
 * directory: nobody else can plant answers that hide findings. Entries are written atomically;
 * one that cannot be read is a miss. {@code DOCKERLINT_SHELLCHECK_CACHE=0} turns the cache off;
 * removing the directory at any time is safe.
 */
final class ShellCheckCache {
  /** Environment variable: {@code 0} (or {@code false}) turns the cache off. */
  static final String SWITCH = "DOCKERLINT_SHELLCHECK_CACHE";
  private static final long MAX_ENTRY_BYTES = 1 << 20;

  private final Path dir;
  private final String identity;

  private ShellCheckCache(Path dir, String identity) {
    this.dir = dir;
    this.identity = identity;
  }

  /** The cache for this executable, or null when it is off or no safe directory can be had. */
  static ShellCheckCache open(Map<String, String> env, Path executable) {
    String setting = env.getOrDefault(SWITCH, "");
    if (setting.equals("0") || setting.equalsIgnoreCase("false")) {
      return null;
    }
    Path base = absolute(env.get("XDG_CACHE_HOME"));
    Path owner = base;
    if (base == null) {
      Path home = absolute(env.get("HOME"));
      if (home == null) {
        return null;
      }
      base = home.resolve(".cache");
      owner = home;
    }
    try {
      BasicFileAttributes program = Files.readAttributes(executable.toRealPath(), BasicFileAttributes.class);
      String identity = "dockerlint shellcheck cache 1\n" + executable.toRealPath() + '\n' + program.size() + '\n'
          + program.lastModifiedTime().toMillis() + "\n--norc --format=json1 --exclude=" + ShellCheckRunner.EXCLUDED + '\n';
      Path dir = base.resolve("dockerlint").resolve("shellcheck");
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        createPrivate(dir);
      }
      return safe(dir, owner) && safe(dir.getParent(), owner) ? new ShellCheckCache(dir, identity) : null;
    } catch (IOException | RuntimeException e) {
      return null; // an optimisation: without it, ShellCheck checks everything
    }
  }

  /** The answer for the file ShellCheck would read, or null when there is none (or none that can be read). */
  List<Json1.Comment> get(String content) {
    Path entry = entry(content);
    try {
      if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || Files.size(entry) > MAX_ENTRY_BYTES) {
        return null;
      }
      return Json1.parse(Files.readString(entry, StandardCharsets.UTF_8));
    } catch (IOException | Json.Malformed | RuntimeException e) {
      return null;
    }
  }

  /** Keeps an answer; a failure to write is no failure of the run. */
  void put(String content, List<Json1.Comment> comments) {
    Path entry = entry(content);
    Path temp = null;
    try {
      Files.createDirectories(entry.getParent());
      temp = Files.createTempFile(entry.getParent(), ".entry-", ".tmp");
      Files.writeString(temp, Json1.write(comments), StandardCharsets.UTF_8);
      try {
        Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException e) {
      // the next run checks this script again
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // left for the next run to overwrite
        }
      }
    }
  }

  private Path entry(String content) {
    String hash = sha256(identity + content);
    return dir.resolve(hash.substring(0, 2)).resolve(hash.substring(2) + ".json1");
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void createPrivate(Path dir) throws IOException {
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  /** A real directory that only its owner can write, that owner being the owner of {@code ownerOf}. */
  private static boolean safe(Path dir, Path ownerOf) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
      if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
        return false;
      }
      return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(ownerOf));
    } catch (UnsupportedOperationException e) {
      return true; // no POSIX permissions here (Windows): the user's profile directory is private already
    }
  }

  private static Path absolute(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      Path path = Path.of(value);
      return path.isAbsolute() ? path.normalize() : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }
}
