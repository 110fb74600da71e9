package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FROM an image outside the registries listed in {@code trusted-registries}. Silent when the list is
 * empty. Docker Hub short names ({@code node}) are {@code docker.io}; entries may be {@code *.example.com}.
 */
public final class ImageUntrustedRegistry implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("image-untrusted-registry", Severity.WARNING,
      "Base image comes from a registry not listed in trusted-registries", "DL3026").withTags("security").security(5.0);

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
      if (image.isEmpty()) {
        continue;
      }
      String registry = image.get().effectiveRegistry();
      if (!isTrusted(registry, trusted)) {
        context.report(stage.from().image(), "Image " + stage.describeBaseImage() + " comes from '"
            + registry + "', which is not in trusted-registries (" + String.join(", ", trusted)
            + "); use an image from a trusted registry");
      }
    }
  }

  static boolean isTrusted(String registry, List<String> trusted) {
    String r = normalize(registry);
    for (String entry : trusted) {
      String t = normalize(entry.strip());
      if (t.equals("*") || t.equals(r) || t.startsWith("*.") && r.endsWith(t.substring(1))) {
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
