package dev.dockerlint.cli;

import dev.dockerlint.fix.FixedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A file a report or baseline is written to. A regular file (or a new one) is written beside the
 * target and moved over it, so a failed run never leaves half a report; the new file gets the mode
 * the umask gives, an existing one keeps its mode. A FIFO or device ({@code /dev/null}), and the
 * system's links to open descriptors ({@code /dev/stdout}, {@code /proc/self/fd/1}), are written in
 * place, never replaced. Any other symbolic link is replaced, never written through: a link a pull
 * request plants at the report's path cannot aim the report at a file elsewhere.
 */
final class OutputFile {
  /** What fills the file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** The target cannot be written for a reason that is not an I/O error: a directory, a socket. */
  static final class Unwritable extends IOException {
    Unwritable(String reason) {
      super(reason);
    }
  }

  private final Path target;

  /** @param target an absolute path */
  OutputFile(Path target) {
    this.target = target;
  }

  void write(Content content) throws IOException {
    BasicFileAttributes attrs = attributes(target, LinkOption.NOFOLLOW_LINKS);
    if (attrs != null && attrs.isDirectory()) {
      throw new Unwritable("a directory");
    }
    if (attrs != null && attrs.isSymbolicLink() && isSystemPath(target)) {
      BasicFileAttributes resolved = attributes(target);
      if (resolved != null && resolved.isDirectory()) {
        throw new Unwritable("a directory");
      }
      writeInPlace(content);
      return;
    }
    if (attrs != null && attrs.isOther()) {
      writeInPlace(content);
      return;
    }
    replace(content, attrs != null && attrs.isRegularFile() ? permissions(target) : null);
  }

  /** Appends, so {@code --output /dev/stdout} redirected to a file adds to what the shell put there. */
  private void writeInPlace(Content content) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      content.writeTo(out);
    }
  }

  private void replace(Content content, Set<PosixFilePermission> keep) throws IOException {
    Path dir = target.getParent();
    if (dir == null) {
      throw new Unwritable("a directory"); // the root of a file system
    }
    Path temp = FixedFile.createTemp(dir, target.getFileName().toString(), ".tmp");
    try {
      if (keep != null) {
        // before any content: the report must never be readable by more than the old one was
        Files.setPosixFilePermissions(temp, keep);
      }
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    return view == null ? null : view.readAttributes().permissions();
  }

  private static BasicFileAttributes attributes(Path path, LinkOption... options) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, options);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  /**
   * {@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N}: the
   * system's links to open descriptors. Only those: {@code /dev/shm} is writable by every user, so
   * a link there could have been planted.
   */
  static boolean isSystemPath(Path path) {
    String normal = path.normalize().toString();
    if (normal.equals("/dev/stdout") || normal.equals("/dev/stderr")) {
      return true;
    }
    Path parent = path.normalize().getParent();
    String dir = parent == null ? "" : parent.toString();
    return dir.equals("/dev/fd") || dir.equals("/proc/self/fd") || dir.matches("/proc/[0-9]+/fd");
  }
}
