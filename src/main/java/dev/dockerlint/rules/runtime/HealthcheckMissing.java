package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Expose;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.PortSpec;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Without a HEALTHCHECK an orchestrator only knows whether the process is alive. Reported only for
 * a final stage that serves on the network (it EXPOSEs a port, or its base is an official server
 * image), and with an example probe only when the image has the program it runs.
 */
public final class HealthcheckMissing implements Rule {
  private static final RuleInfo INFO =
      RuleInfo.of("healthcheck-missing", Severity.INFO, "The final stage has no HEALTHCHECK", "DL3057");

  /** Official server images (their image config EXPOSEs the port) and the port they serve on. */
  private static final Map<String, Integer> SERVER_IMAGES = Map.ofEntries(
      Map.entry("nginx", 80), Map.entry("httpd", 80), Map.entry("caddy", 80), Map.entry("traefik", 80),
      Map.entry("tomcat", 8080), Map.entry("jetty", 8080), Map.entry("wordpress", 80), Map.entry("drupal", 80),
      Map.entry("joomla", 80), Map.entry("nextcloud", 80), Map.entry("ghost", 2368), Map.entry("redmine", 3000),
      Map.entry("odoo", 8069), Map.entry("registry", 5000), Map.entry("sonarqube", 9000),
      Map.entry("postgres", 5432), Map.entry("mysql", 3306), Map.entry("mariadb", 3306), Map.entry("redis", 6379),
      Map.entry("mongo", 27017), Map.entry("rabbitmq", 5672), Map.entry("memcached", 11211));

  /** A service's own client that checks it, by port (or by image, for mariadb's bundled script). */
  private static final Map<Integer, String> PORT_PROBES = Map.of(
      5432, "pg_isready -U postgres", 3306, "mysqladmin ping -h 127.0.0.1", 6379, "redis-cli ping",
      27017, "mongosh --quiet --eval 'db.adminCommand(\"ping\")'", 5672, "rabbitmq-diagnostics -q ping");
  private static final Map<String, String> IMAGE_PROBES =
      Map.of("mariadb", "healthcheck.sh --connect --innodb_initialized");

  /** Ports where a plain HTTP GET on / is a fair example probe. */
  private static final Set<Integer> HTTP_PORTS =
      Set.of(80, 2368, 3000, 4000, 5000, 8000, 8008, 8069, 8080, 8081, 8888, 9000, 9090);

  /**
   * Official images whose non-slim, non-alpine variants ship curl (built on buildpack-deps, or
   * installing it, as the php and nginx images do).
   */
  private static final Set<String> CURL_IMAGES =
      Set.of("buildpack-deps", "python", "node", "ruby", "golang", "perl", "rust", "gcc", "php", "nginx");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    if (file.finalStage().isEmpty()) {
      return;
    }
    Stage last = file.finalStage().get();
    if (last.from().image().text().isEmpty()) {
      return; // FROM without an image is a syntax error already
    }
    List<Stage> lineage = new ArrayList<>(file.lineage(last));
    for (Stage stage : lineage) {
      if (!stage.instructions(Healthcheck.class).isEmpty()) {
        return; // HEALTHCHECK NONE counts: an explicit choice
      }
    }
    Collections.reverse(lineage); // root first, as the image is built
    ImageRef root = file.rootImage(last).orElse(null);
    if (root != null && (root.isScratch() || root.looksWindows() || isDistroless(root))) {
      return; // no shell and no tools to probe with, or a Windows image
    }
    String official = root == null ? null : root.officialName().orElse(null);
    String tag = root == null || root.tag() == null ? "" : root.tag().toLowerCase(Locale.ROOT);
    if (tag.contains("fpm") || runsPhpFpm(lineage)) {
      return; // php-fpm speaks FastCGI, not HTTP: a probe needs a FastCGI client the image lacks
    }
    Integer port = exposedPort(file, lineage);
    boolean exposes = port != null;
    if (!exposes && official != null && SERVER_IMAGES.containsKey(official)) {
      port = SERVER_IMAGES.get(official);
    } else if (!exposes && "php".equals(official) && tag.contains("apache")) {
      port = 80; // php's apache images serve; its cli and zts images do not
    }
    if (port == null) {
      return; // nothing listens: a command-line tool, a base image, a batch job
    }
    String probe = probe(official, tag, port, lineage);
    String where = port > 0 ? " on port " + port : "";
    context.report(last.from().image(), probe != null
        ? "The final stage has no HEALTHCHECK; add one (for example HEALTHCHECK CMD " + probe + " || exit 1) or "
            + "state HEALTHCHECK NONE if the image is not a service"
        : "The final stage has no HEALTHCHECK; add one that checks the service" + where + " with a program the "
            + "image contains, or state HEALTHCHECK NONE if the image is not a service");
  }

  private static boolean isDistroless(ImageRef image) {
    return image.path().contains("distroless");
  }

  /** The example probe, or null when the image has nothing known to run it with. */
  private static String probe(String official, String tag, int port, List<Stage> lineage) {
    if (official != null && IMAGE_PROBES.containsKey(official)) {
      return IMAGE_PROBES.get(official);
    }
    if (PORT_PROBES.containsKey(port)) {
      return PORT_PROBES.get(port);
    }
    if (!HTTP_PORTS.contains(port)) {
      return null;
    }
    String url = port == 80 ? "http://localhost/" : "http://localhost:" + port + "/";
    String tool = httpTool(official, tag, lineage);
    return switch (tool) {
      case "curl" -> "curl -f " + url;
      case "wget" -> "wget -qO- " + url;
      default -> null;
    };
  }

  /** curl or wget, whichever the image is known to have (curl first), or "". */
  private static String httpTool(String official, String tag, List<Stage> lineage) {
    boolean wget = false;
    for (Stage stage : lineage) {
      for (Run run : stage.instructions(Run.class)) {
        if (!(run.command() instanceof ShellForm shell)) {
          continue;
        }
        for (ShellCommand command : shell.script().commands()) {
          String installed = installedTool(command.unwrapped());
          if (installed.equals("curl")) {
            return "curl";
          }
          wget |= installed.equals("wget");
        }
      }
    }
    boolean alpine = tag.contains("alpine") || "alpine".equals(official) || "busybox".equals(official);
    if (official != null && CURL_IMAGES.contains(official) && !alpine && !tag.contains("slim")) {
      return "curl";
    }
    return wget || alpine ? "wget" : ""; // alpine and busybox have busybox's wget
  }

  private static final Set<String> INSTALLS = Set.of("install", "add", "in");

  /** "curl" or "wget" when the command installs it with apt-get, apk, yum/dnf or zypper, else "". */
  private static String installedTool(ShellCommand command) {
    PackageManager manager = PackageManager.of(command.name());
    if (manager != PackageManager.APT && manager != PackageManager.APK && manager != PackageManager.RPM
        && manager != PackageManager.ZYPPER) {
      return "";
    }
    List<Word> operands = PackageManager.operands(command);
    if (operands.isEmpty() || !INSTALLS.contains(operands.get(0).value())) {
      return "";
    }
    String found = "";
    for (Word word : operands.subList(1, operands.size())) {
      String name = packageName(word.value());
      if (name.equals("curl")) {
        return "curl";
      }
      if (name.equals("wget")) {
        found = "wget";
      }
    }
    return found;
  }

  /** {@code curl=8.5.0-2}, {@code curl>=8} give curl. */
  private static String packageName(String word) {
    int cut = word.length();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '=' || c == '<' || c == '>' || c == '~') {
        cut = i;
        break;
      }
    }
    return word.substring(0, cut);
  }

  /** The first port the final stage or a stage it is built on EXPOSEs; 0 when it is a variable; null when none. */
  private static Integer exposedPort(Dockerfile file, List<Stage> lineage) {
    for (Stage stage : lineage) {
      for (Expose expose : stage.instructions(Expose.class)) {
        for (Token token : expose.ports()) {
          Optional<List<PortSpec>> specs = PortSpec.parseExpanded(file.scopeAt(expose), token);
          if (specs.isEmpty() || specs.get().isEmpty() || specs.get().get(0).startPort() < 0) {
            return 0;
          }
          return specs.get().get(0).startPort();
        }
      }
    }
    return null;
  }

  /** The stage's command runs php-fpm ({@code CMD ["php-fpm"]}, {@code CMD php-fpm8.2 -F}). */
  private static boolean runsPhpFpm(List<Stage> lineage) {
    CommandLine command = null;
    for (Stage stage : lineage) {
      for (Cmd cmd : stage.instructions(Cmd.class)) {
        command = cmd.command();
      }
      for (Entrypoint entrypoint : stage.instructions(Entrypoint.class)) {
        if (program(entrypoint.command()).startsWith("php-fpm")) {
          return true;
        }
      }
    }
    return command != null && program(command).startsWith("php-fpm");
  }

  private static String program(CommandLine command) {
    String first = "";
    if (command instanceof ExecForm exec && !exec.arguments().isEmpty()) {
      first = exec.arguments().get(0).text();
    } else if (command instanceof ShellForm shell && !shell.script().commands().isEmpty()) {
      first = shell.script().commands().get(0).unwrapped().name();
    }
    return first.substring(first.lastIndexOf('/') + 1);
  }
}
