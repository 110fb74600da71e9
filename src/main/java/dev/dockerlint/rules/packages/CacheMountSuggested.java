package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;

/**
 * A BuildKit cache mount keeps downloaded packages and compiled objects between builds without
 * putting them in a layer, so a changed dependency list does not download everything again.
 */
public final class CacheMountSuggested implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("cache-mount-suggested", Severity.INFO,
      "A package install or build runs without a BuildKit cache mount on its cache directory").offByDefault();

  /** A tool, the cache directory to suggest, and target fragments that count as covering it. */
  private record Tool(String label, String suggested, List<String> fragments) {}

  private static final Tool APT = new Tool("apt-get install", "/var/cache/apt", List.of("/var/cache/apt", "/var/lib/apt"));
  private static final Tool APK = new Tool("apk add", "/var/cache/apk", List.of("/var/cache/apk", "/etc/apk/cache"));
  private static final Tool YUM = new Tool("install", "/var/cache/dnf (or /var/cache/yum)",
      List.of("/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"));
  private static final Tool PIP = new Tool("pip install", "/root/.cache/pip", List.of("/.cache/pip", "/root/.cache"));
  private static final Tool NPM = new Tool("npm", "/root/.npm", List.of("/.npm"));
  private static final Tool YARN = new Tool("yarn install", "/usr/local/share/.cache/yarn",
      List.of("/.cache/yarn", "/.yarn/cache", "/.yarn-cache", "yarn"));
  private static final Tool PNPM = new Tool("pnpm install", "/root/.local/share/pnpm/store", List.of("pnpm"));
  private static final Tool GO = new Tool("go", "/go/pkg/mod and /root/.cache/go-build",
      List.of("/pkg/mod", "/go-build", "/root/.cache"));
  private static final Tool CARGO = new Tool("cargo", "/usr/local/cargo/registry",
      List.of("cargo/registry", "/.cargo", "/usr/local/cargo", "/target"));
  private static final Tool MAVEN = new Tool("mvn", "/root/.m2", List.of("/.m2"));
  private static final Tool GRADLE = new Tool("gradle", "/root/.gradle", List.of("/.gradle"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      for (Run run : stage.instructions(Run.class)) {
        if (!(run.command() instanceof ShellForm shell)) {
          continue;
        }
        for (ShellCommand raw : shell.script().commands()) {
          ShellCommand command = raw.unwrapped();
          Tool tool = tool(command);
          if (tool != null && !covered(run, tool)) {
            context.report(command.range(), "'" + command.name() + "' downloads into its cache on every build; "
                + "add RUN --mount=type=cache,target=" + tool.suggested() + " to keep it between builds");
          }
        }
      }
    }
  }

  private static Tool tool(ShellCommand c) {
    String sub = c.subcommand().orElse("");
    List<Word> positional = c.positionalArguments();
    String second = positional.size() > 1 ? positional.get(1).value() : "";
    return switch (c.name()) {
      case "apt-get", "apt" -> sub.equals("install") ? APT : null;
      case "apk" -> sub.equals("add") ? APK : null;
      case "yum", "dnf", "microdnf" -> sub.equals("install") ? YUM : null;
      case "pip", "pip3" -> sub.equals("install") ? PIP : null;
      case "python", "python3" -> c.hasArgument("-m") && c.hasArgument("pip") && c.hasArgument("install") ? PIP : null;
      case "npm" -> sub.equals("ci") || sub.equals("install") || sub.equals("i") ? NPM : null;
      case "yarn" -> sub.isEmpty() && c.arguments().stream().noneMatch(w -> w.value().equals("--version"))
          || sub.equals("install") ? YARN : null;
      case "pnpm" -> sub.equals("install") || sub.equals("i") ? PNPM : null;
      case "go" -> sub.equals("build") || sub.equals("mod") && second.equals("download") ? GO : null;
      case "cargo" -> sub.equals("build") || sub.equals("fetch") || sub.equals("install") ? CARGO : null;
      case "mvn", "mvnw" -> !sub.isEmpty() ? MAVEN : null;
      case "gradle", "gradlew" -> !sub.isEmpty() ? GRADLE : null;
      default -> null;
    };
  }

  private static boolean covered(Run run, Tool tool) {
    for (Flag mount : run.mounts()) {
      var kv = mount.keyValues();
      String type = kv.getOrDefault("type", "bind");
      String target = kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", "")));
      if (!type.equals("cache") && !type.equals("tmpfs")) {
        continue;
      }
      for (String fragment : tool.fragments()) {
        if (target.contains(fragment) || target.startsWith("$")) {
          return true;
        }
      }
    }
    return false;
  }
}
