package dev.dockerlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns command-line paths into the Dockerfiles to lint, and reads them. */
final class Inputs {
  /** Files bigger than this are not Dockerfiles anyone writes by hand; refuse rather than stall. */
  private static final long MAX_BYTES = 64L << 20;

  /** One file to lint, or the reason a path gave none. */
  record Input(String displayPath, Path path, String error) {
    static Input stdin() {
      return new Input("-", null, null);
    }

    boolean isStdin() {
      return path == null && error == null;
    }
  }

  /** The text of an input, or why it could not be read; {@code warning} notes a lenient decode. */
  record Loaded(String text, String error, String warning) {}

  private Inputs() {}

  static List<Input> expand(List<String> arguments, Path workingDir) {
    List<Input> inputs = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals("-")) {
        inputs.add(Input.stdin());
        continue;
      }
      Path path = workingDir.resolve(argument);
      if (Files.isDirectory(path)) {
        List<Path> found = findDockerfiles(path);
        if (found.isEmpty()) {
          inputs.add(new Input(argument, path, "no Dockerfile, Containerfile, Dockerfile.* or *.Dockerfile found in directory"));
        }
        for (Path file : found) {
          String shown = argument.endsWith("/") ? argument + path.relativize(file) : argument + "/" + path.relativize(file);
          inputs.add(new Input(shown.replace('\\', '/'), file, null));
        }
      } else if (!Files.exists(path)) {
        inputs.add(new Input(argument, path, "no such file or directory"));
      } else {
        inputs.add(new Input(argument, path, null));
      }
    }
    return inputs;
  }

  /**
   * Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, and names ending in -Dockerfile or
   * _Dockerfile (case-insensitive); never a .dockerignore.
   */
  static boolean isDockerfileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".dockerignore")) {
      return false;
    }
    for (String base : List.of("dockerfile", "containerfile")) {
      if (lower.equals(base) || lower.startsWith(base + ".") || lower.endsWith("." + base)
          || lower.endsWith("-" + base) || lower.endsWith("_" + base)) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> findDockerfiles(Path dir) {
    List<Path> result = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir, 64)) {
      walk.filter(p -> !isInIgnoredDir(dir, p))
          .filter(p -> isDockerfileName(p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(result::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      return result;
    }
    return result;
  }

  private static boolean isInIgnoredDir(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      String name = part.toString();
      if (name.equals(".git") || name.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }

  static Loaded read(Input input, InputStream stdin) {
    byte[] bytes;
    try {
      if (input.isStdin()) {
        bytes = stdin.readAllBytes();
      } else {
        if (!Files.isRegularFile(input.path())) {
          return new Loaded(null, "not a regular file", null);
        }
        if (!Files.isReadable(input.path())) {
          return new Loaded(null, "permission denied", null);
        }
        if (Files.size(input.path()) > MAX_BYTES) {
          return new Loaded(null, "file is larger than 64 MiB; not a Dockerfile", null);
        }
        bytes = Files.readAllBytes(input.path());
      }
    } catch (IOException e) {
      return new Loaded(null, "cannot read: " + e.getMessage(), null);
    }
    return decode(bytes);
  }

  static Loaded decode(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      boolean little = bytes[0] == (byte) 0xFF;
      String text = new String(bytes, 2, bytes.length - 2, little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
      return new Loaded(text, null, "file is UTF-16; decoded it, but Docker expects UTF-8");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new Loaded(null, "binary file (NUL byte at offset " + i + "); not a Dockerfile", null);
      }
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new Loaded(text, null, null);
    } catch (CharacterCodingException e) {
      return new Loaded(new String(bytes, StandardCharsets.UTF_8), null,
          "invalid UTF-8 at byte offset " + firstInvalidUtf8(bytes) + "; decoded leniently");
    }
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }
}
