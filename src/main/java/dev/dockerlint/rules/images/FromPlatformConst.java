package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * {@code FROM --platform=linux/amd64}: a constant platform pins the stage to one architecture. As in
 * BuildKit, a stage whose name contains the platform's OS or architecture ({@code AS build-amd64}) is
 * deliberate and not reported, nor is a value that is not a valid platform.
 */
public final class FromPlatformConst implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("from-platform-const", Severity.WARNING,
      "FROM --platform uses a constant value", "DL3029", "FromPlatformFlagConstDisallowed");

  private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "illumos",
      "ios", "js", "linux", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "macos");
  private static final Set<String> KNOWN_ARCH = Set.of("386", "amd64", "arm", "arm64", "loong64", "mips", "mips64",
      "mips64le", "mipsle", "ppc64", "ppc64le", "riscv64", "s390x", "wasm", "i386", "x86_64", "x86-64", "aarch64",
      "armhf", "armel");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      for (Flag platform : stage.from().flags("platform")) {
        if (platform.value() == null) {
          continue;
        }
        Expansion expansion = file.scopeAt(stage.from()).expand(platform.value());
        if (!expansion.references().isEmpty() || expansion.error() != null) {
          continue;
        }
        String[] parsed = parse(expansion.value());
        if (parsed == null) {
          continue;
        }
        String name = stage.name() == null ? "" : stage.name().toLowerCase(Locale.ROOT);
        if (name.contains(parsed[0]) || name.contains(parsed[1])) {
          continue;
        }
        context.report(platform.range(), "FROM --platform=" + platform.value() + " pins the stage to one platform; "
            + "use --platform=$BUILDPLATFORM for build tools, drop the flag, or name the stage after the platform");
      }
    }
  }

  /** {os, arch} normalized as containerd's platform parser does, or null when not a platform. */
  static String[] parse(String value) {
    String[] parts = value.toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 1 || parts.length > 3) {
      return null;
    }
    for (String part : parts) {
      if (part.isEmpty() || !isPlatformWord(part)) {
        return null;
      }
    }
    if (parts.length == 1) {
      if (KNOWN_OS.contains(parts[0])) {
        return new String[] {os(parts[0]), "amd64"};
      }
      if (KNOWN_ARCH.contains(parts[0])) {
        return new String[] {"linux", arch(parts[0])};
      }
      return null;
    }
    return new String[] {os(parts[0]), arch(parts[1])};
  }

  private static String os(String os) {
    return os.equals("macos") ? "darwin" : os;
  }

  private static String arch(String arch) {
    return switch (arch) {
      case "i386" -> "386";
      case "x86_64", "x86-64" -> "amd64";
      case "aarch64" -> "arm64";
      case "armhf", "armel" -> "arm";
      default -> arch;
    };
  }

  /** Lower-case letters, digits, {@code _} and {@code -} only. */
  private static boolean isPlatformWord(String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
