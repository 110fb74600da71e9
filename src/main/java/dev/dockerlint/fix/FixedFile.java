package dev.dockerlint.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a fixed Dockerfile over the old one, atomically: the new bytes go to a temporary file
 * beside it (created exclusively, with the old file's mode before any byte is written), are synced
 * to disk, and the temporary file is renamed over the old one, so a crash leaves the old file or
 * the new one, never half of either. A symbolic link is written through: its target is replaced
 * and the link stays a link (only links named on the command line reach here; a directory scan
 * does not follow them).
 */
public final class FixedFile {
  private FixedFile() {}

  /** Replaces the file {@code path} names (through a link) with {@code bytes}. */
  public static void write(Path path, byte[] bytes) throws IOException {
    Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path;
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file");
    }
    Path dir = target.toAbsolutePath().getParent();
    Set<PosixFilePermission> mode = permissions(target);
    Path temp = createTemp(dir, target.getFileName().toString(), ".fix");
    try {
      if (mode != null) {
        Files.setPosixFilePermissions(temp, mode);
      }
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The rename is durable once the directory is synced; not every system lets a directory be opened. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // the file itself is synced; the rename is as durable as the system makes it
    }
  }

  /**
   * A new empty file beside a target, named after it with {@code suffix}: for a write that renames
   * it into place (here and the reports of {@code --output}). Created without a mode, so it gets the
   * one the umask gives ({@code Files.createTempFile} would force 0600); exclusive creation never
   * follows a link.
   */
  public static Path createTemp(Path dir, String name, String suffix) throws IOException {
    String base = "." + (name.length() > 64 ? name.substring(0, 64) : name) + ".";
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve(base + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + suffix);
      try {
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return view == null ? null : view.readAttributes().permissions();
  }
}
