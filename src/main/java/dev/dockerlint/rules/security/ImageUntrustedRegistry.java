package dev.dockerlint.rules.security;

import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An image outside the registries listed in {@code trusted-registries}: a FROM image, a
 * {@code COPY --from} image or a {@code RUN --mount=from=} image. Silent when the list is empty.
 * Docker Hub short names ({@code node}) are {@code docker.io}; entries may be {@code *.example.com}
 * or {@code registry.example*}.
 */
public final class ImageUntrustedRegistry implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("image-untrusted-registry", Severity.WARNING,
      "An image comes from a registry not listed in trusted-registries", "DL3026").withTags("security").security(5.0);

  private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io",
      "registry.hub.docker.com", "hub.docker.com");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    List<String> trusted = context.settings().trustedRegistries();
    if (trusted.isEmpty()) {
      return;
    }
    for (Stage stage : file.stages()) {
      Optional<ImageRef> image = file.resolvedBaseImage(stage);
      if (image.isPresent()) {
        check(image.get(), stage.describeBaseImage(), stage.from().image().range(), trusted, context);
      }
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Run run) {
          for (Flag mount : run.mounts()) {
            checkMount(file, run, mount, trusted, context);
          }
        }
      }
    }
    for (CopyFrom copy : file.copyFroms()) {
      if (!copy.isNumeric() && file.stageNamed(copy.value()).isEmpty()) {
        ImageRef image = ImageRef.parse(copy.value());
        if (!image.isScratch()) {
          check(image, "'" + copy.value() + "'", copy.flag().range(), trusted, context);
        }
      }
    }
  }

  /** {@code RUN --mount=type=bind|cache,from=IMAGE}: the mount's files come from that image. */
  private static void checkMount(Dockerfile file, Run run, Flag mount, List<String> trusted, RuleContext context) {
    Map<String, String> kv = mount.keyValues();
    String type = kv.getOrDefault("type", "bind");
    String from = kv.get("from");
    if (from == null || from.isEmpty() || !type.equals("bind") && !type.equals("cache")) {
      return;
    }
    Scope scope = file.scopeAt(run);
    Expansion expanded = scope.expand(from);
    for (String name : expanded.references()) {
      if (!scope.hasValue(name)) {
        return; // a build argument without default: unknown here
      }
    }
    String value = expanded.value();
    if (value.isEmpty() || isStageIndex(value) || file.stageNamed(value).isPresent()) {
      return;
    }
    ImageRef image = ImageRef.parse(value);
    if (!image.isScratch()) {
      check(image, "'" + value + "'", mount.range(), trusted, context);
    }
  }

  private static void check(ImageRef image, String shown, SourceRange range, List<String> trusted, RuleContext context) {
    String registry = image.effectiveRegistry();
    if (!isTrusted(registry, trusted)) {
      context.report(range, "Image " + shown + " comes from '" + registry + "', which is not in trusted-registries ("
          + String.join(", ", trusted) + "); use an image from a trusted registry");
    }
  }

  private static boolean isStageIndex(String value) {
    if (value.isEmpty() || value.length() > 9) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Exact, {@code *} for all, {@code *.example.com} for subdomains, {@code registry.example*} as a prefix. */
  static boolean isTrusted(String registry, List<String> trusted) {
    String r = normalize(registry);
    for (String entry : trusted) {
      String t = normalize(entry.strip());
      if (t.equals("*") || t.equals(r) || t.startsWith("*.") && r.endsWith(t.substring(1))
          || t.length() > 1 && t.endsWith("*") && t.indexOf('*') == t.length() - 1
              && r.startsWith(t.substring(0, t.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String registry) {
    String r = registry.toLowerCase(Locale.ROOT);
    return DOCKER_HUB.contains(r) ? "docker.io" : r;
  }
}
