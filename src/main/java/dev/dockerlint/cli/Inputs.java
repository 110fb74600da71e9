package dev.dockerlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns command-line paths into the Dockerfiles to lint, and reads them. */
final class Inputs {
  /** Files bigger than this are not Dockerfiles anyone writes by hand; refuse rather than stall. */
  private static final long MAX_BYTES = 64L << 20;

  /**
   * One file to lint, or the reason a path gave none.
   *
   * @param compose whether it is a compose file rather than a Dockerfile
   */
  record Input(String displayPath, Path path, String error, boolean compose) {
    Input(String displayPath, Path path, String error) {
      this(displayPath, path, error, false);
    }

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

  /**
   * What the command-line paths stand for.
   *
   * @param skippedLinks symbolic links a directory scan found under a Dockerfile's name and did not
   *     follow, as they would be shown
   */
  record Expansion(List<Input> inputs, List<String> skippedLinks) {}

  /**
   * The inputs the paths name. A path named here is followed wherever its links lead (the user
   * chose it); a directory scan follows no link, to a file or a directory, as git and ripgrep do:
   * a link a pull request adds ({@code Dockerfile.ci -> ../.git/config}) would otherwise put a file
   * from outside the scanned tree into a public report.
   */
  static Expansion expand(List<String> arguments, Path workingDir) {
    return expand(arguments, workingDir, null);
  }

  /**
   * @param kind {@code compose} or {@code dockerfile} ({@code --kind}): what the files named and
   *     stdin are, and the only kind a directory scan looks for; null to go by the names
   */
  static Expansion expand(List<String> arguments, Path workingDir, String kind) {
    List<Input> inputs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals("-")) {
        inputs.add(new Input("-", null, null, "compose".equals(kind)));
        continue;
      }
      Path path = workingDir.resolve(argument);
      if (Files.isDirectory(path)) {
        List<Input> found = findDockerfiles(argument, path, skipped, kind);
        if (found.isEmpty()) {
          inputs.add(new Input(argument, path, "compose".equals(kind) ? "no compose.yaml, docker-compose.yml or "
              + "*.compose.yaml found in directory" : "dockerfile".equals(kind) ? "no Dockerfile, Containerfile, "
              + "Dockerfile.* or *.Dockerfile found in directory" : "no Dockerfile, Containerfile, Dockerfile.*, "
              + "*.Dockerfile or compose file found in directory"));
        }
        inputs.addAll(found);
      } else if (!Files.exists(path)) {
        inputs.add(new Input(argument, path, Files.isSymbolicLink(path) ? BROKEN_LINK : "no such file or directory"));
      } else {
        boolean compose = kind != null ? kind.equals("compose") : isComposeName(path.getFileName().toString());
        inputs.add(new Input(argument, path, null, compose));
      }
    }
    return new Expansion(inputs, skipped);
  }

  /**
   * A compose file's name (case-insensitive): {@code compose.yaml}, {@code docker-compose.yml},
   * {@code *.compose.yaml}, and the override files {@code compose.*.yaml} and
   * {@code docker-compose.*.yml}; {@code .yaml} or {@code .yml} each.
   */
  static boolean isComposeName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String stem;
    if (lower.endsWith(".yaml")) {
      stem = lower.substring(0, lower.length() - ".yaml".length());
    } else if (lower.endsWith(".yml")) {
      stem = lower.substring(0, lower.length() - ".yml".length());
    } else {
      return false;
    }
    return stem.equals("compose") || stem.equals("docker-compose") || stem.endsWith(".compose")
        || stem.startsWith("compose.") && stem.length() > "compose.".length()
        || stem.startsWith("docker-compose.") && stem.length() > "docker-compose.".length();
  }

  private static final String BROKEN_LINK = "broken symbolic link or symbolic link loop";

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

  /**
   * The Dockerfiles under a directory, sorted. No symbolic link below it is followed (so a link loop
   * cannot trap the scan either); one with a Dockerfile's name is added to {@code skipped}. The
   * directory itself may be a link: it was named. A subdirectory that cannot be read becomes an
   * error for that path while the scan goes on.
   */
  private static List<Input> findDockerfiles(String argument, Path dir, List<String> skipped, String kind) {
    Path start;
    try {
      start = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
    } catch (IOException e) {
      return List.of(new Input(argument, dir, "cannot scan directory (" + e.getClass().getSimpleName() + ")"));
    }
    java.util.TreeMap<Path, String> found = new java.util.TreeMap<>(); // path -> error, or "" when readable
    java.util.TreeSet<Path> links = new java.util.TreeSet<>();
    try {
      Files.walkFileTree(start, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 64,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
              String name = d.equals(start) ? "" : d.getFileName().toString();
              return name.equals(".git") || name.equals("node_modules")
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              boolean wanted = kind == null ? isDockerfileName(name) || isComposeName(name)
                  : kind.equals("compose") ? isComposeName(name) : isDockerfileName(name);
              if (wanted) {
                if (attrs.isRegularFile()) {
                  found.put(file, "");
                } else if (attrs.isSymbolicLink()) {
                  links.add(file);
                }
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
              found.put(file, "cannot read directory (" + (e instanceof java.nio.file.AccessDeniedException
                  ? "permission denied" : e.getClass().getSimpleName()) + ")");
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      found.put(start, "cannot scan directory (" + e.getClass().getSimpleName() + ")");
    }
    for (Path link : links) {
      skipped.add(shown(argument, start, link));
    }
    List<Input> inputs = new ArrayList<>();
    for (java.util.Map.Entry<Path, String> entry : found.entrySet()) {
      Path file = dir.resolve(start.relativize(entry.getKey()).toString());
      String error = entry.getValue();
      inputs.add(new Input(shown(argument, start, entry.getKey()), file, error.isEmpty() ? null : error,
          isComposeName(entry.getKey().getFileName().toString()) && !"dockerfile".equals(kind)));
    }
    return inputs;
  }

  /** A path found under a directory argument, as the user would type it: {@code argument/relative}. */
  private static String shown(String argument, Path start, Path file) {
    String relative = start.relativize(file).toString();
    String shown = relative.isEmpty() ? argument : argument.endsWith("/") ? argument + relative : argument + "/" + relative;
    return shown.replace('\\', '/');
  }

  static Loaded read(Input input, InputStream stdin) {
    byte[] bytes;
    try {
      if (input.isStdin()) {
        bytes = readAtMost(stdin);
      } else {
        if (!Files.isRegularFile(input.path())) {
          return new Loaded(null, "not a regular file (a FIFO, socket or device); not a Dockerfile", null);
        }
        if (!Files.isReadable(input.path())) {
          return new Loaded(null, "permission denied", null);
        }
        if (Files.size(input.path()) > MAX_BYTES) {
          return new Loaded(null, TOO_LARGE, null);
        }
        try (InputStream in = Files.newInputStream(input.path())) {
          bytes = readAtMost(in); // the size may have changed since
        }
      }
    } catch (IOException e) {
      return new Loaded(null, "cannot read (" + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : oneLine(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())) + ")", null);
    } catch (OutOfMemoryError e) {
      return new Loaded(null, "too large to read; not a Dockerfile", null);
    }
    return bytes == null ? new Loaded(null, TOO_LARGE, null) : decode(bytes);
  }

  private static final String TOO_LARGE = "larger than 64 MiB; not a Dockerfile";

  /** All of a stream up to {@link #MAX_BYTES}, or null when it holds more: stdin has the cap files have. */
  private static byte[] readAtMost(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
    return bytes.length > MAX_BYTES ? null : bytes;
  }

  static Loaded decode(byte[] bytes) {
    if (bytes.length >= 4 && ((bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE && bytes[3] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE && bytes[2] == 0 && bytes[3] == 0))) {
      // before UTF-16: FF FE 00 00 would also be UTF-16LE starting with U+0000, which no Dockerfile does
      java.nio.charset.Charset utf32 = java.nio.charset.Charset.forName(bytes[0] == 0 ? "UTF-32BE" : "UTF-32LE");
      String text = new String(bytes, 4, bytes.length - 4, utf32);
      return new Loaded(text, null, "file is UTF-32; decoded it, but Docker expects UTF-8");
    }
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
    String text;
    String warning = null;
    // the String constructor is far faster than a decoder; it turns invalid bytes into U+FFFD, so
    // only text holding that character (rare, and possibly written on purpose) needs the strict check
    text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      int invalid = firstInvalidUtf8(bytes);
      if (invalid < bytes.length) {
        warning = "invalid UTF-8 at byte offset " + invalid + "; decoded leniently";
      }
    }
    if (text.startsWith("\uFEFF")) {
      // BuildKit drops a UTF-8 byte order mark; so do we, so columns on line 1 match what editors show
      text = text.substring(1);
    }
    if (hasLoneCr(text)) {
      // BuildKit splits lines on \n only, so we read the file as Docker does; say why it looks odd
      String cr = "lone CR (\\r) line endings; Docker splits lines on LF only, so it reads those lines as one";
      warning = warning == null ? cr : warning + "; " + cr;
    }
    return new Loaded(text, null, warning);
  }

  /** A {@code \r} that does not end a line ({@code \r\n} and a final {@code \r} are fine). */
  private static boolean hasLoneCr(String text) {
    for (int i = text.indexOf('\r'); i >= 0 && i < text.length() - 1; i = text.indexOf('\r', i + 1)) {
      if (text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String message) {
    return message.replaceAll("[\\r\\n]+", " ").strip();
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
