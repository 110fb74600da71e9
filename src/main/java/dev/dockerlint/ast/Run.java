package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code RUN}; its {@code --mount} flags are read with {@link Flag#keyValues()}. */
public record Run(Token keyword, List<Flag> flags, SourceRange range, CommandLine command)
    implements Instruction {
  public Run {
    flags = List.copyOf(flags);
  }

  public List<Flag> mounts() {
    return flags("mount");
  }

  /** True when a {@code --mount=type=cache} or {@code type=tmpfs} covers {@code directory}. */
  public boolean mountsCacheOn(String directory) {
    String wanted = trimSlash(directory);
    for (Flag mount : mounts()) {
      var kv = mount.keyValues();
      String type = kv.getOrDefault("type", "bind");
      String target = kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", "")));
      if ((type.equals("cache") || type.equals("tmpfs")) && trimSlash(target).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String trimSlash(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
