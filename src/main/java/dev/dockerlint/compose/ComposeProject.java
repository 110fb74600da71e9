package dev.dockerlint.compose;

import dev.dockerlint.source.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compose project as Compose runs it: one or more files merged (a file and its overrides),
 * {@code include}d files and {@code extends} resolved. Every node keeps the file and range it was
 * written at, so findings point into the file that says it.
 */
public final class ComposeProject {
  private final List<ComposeSource> sources;
  private final YamlNode.Mapping root;
  private final List<Service> services;
  private final List<PathReference> paths;
  private final Map<YamlNode.Scalar, String> secretValues;
  private final List<Build> builds;

  ComposeProject(List<ComposeSource> sources, YamlNode.Mapping root, List<PathReference> paths,
      Map<YamlNode.Scalar, String> secretValues, List<Build> builds) {
    this.builds = List.copyOf(builds);
    this.sources = List.copyOf(sources);
    this.root = root;
    this.paths = List.copyOf(paths);
    this.secretValues = secretValues;
    List<Service> found = new ArrayList<>();
    if (root.get("services") instanceof YamlNode.Mapping all) {
      for (YamlNode.Entry entry : all.entries()) {
        YamlNode.Mapping body = entry.value() instanceof YamlNode.Mapping m ? m
            : new YamlNode.Mapping(entry.key().file(), entry.value().range(), List.of());
        found.add(new Service(entry.key().text(), entry.key(), body));
      }
    }
    this.services = List.copyOf(found);
  }

  /** The files read, the ones named first, in order, then those they include or extend. */
  public List<ComposeSource> sources() {
    return sources;
  }

  /** The merged top level. */
  public YamlNode.Mapping root() {
    return root;
  }

  /** Every service, whatever its profiles: a service only some runs start still runs somewhere. */
  public List<Service> services() {
    return services;
  }

  public java.util.Optional<Service> service(String name) {
    for (Service service : services) {
      if (service.name().equals(name)) {
        return java.util.Optional.of(service);
      }
    }
    return java.util.Optional.empty();
  }

  /** The paths the files name (build contexts, Dockerfiles, env files, extends and include files), resolved. */
  public List<PathReference> paths() {
    return paths;
  }

  /**
   * Scalars that took a secret-named variable's value from a {@code .env}, and that value: masked
   * wherever the compose file's text or a finding could show it.
   */
  public Map<YamlNode.Scalar, String> secretValues() {
    return secretValues;
  }

  /** The images the services build from a Dockerfile on disk inside the repository. */
  public List<Build> builds() {
    return builds;
  }

  /**
   * What a service's {@code build} section asks for.
   *
   * @param at where the Dockerfile is named ({@code build.dockerfile}), else the {@code build} key
   * @param context the build context directory
   * @param dockerfile the Dockerfile, which may not exist
   * @param args {@code build.args} with known values, interpolated
   * @param target {@code build.target}, or null
   */
  public record Build(String service, YamlNode.Scalar at, Path context, Path dockerfile, Map<String, String> args,
      String target) {
    public Build {
      args = Map.copyOf(args);
    }
  }

  /**
   * A path a compose file names, resolved against the directory it is relative to.
   *
   * @param kind what names it: {@code build.context}, {@code build.dockerfile}, {@code env_file},
   *     {@code extends.file}, {@code include}
   * @param node where it is written
   * @param resolved the path, absolute and normalised; null when the file is not on disk (stdin)
   * @param outside whether it leads outside the repository (or, outside one, the compose file's
   *     directory tree), by its name or through a symbolic link: such a path is never read
   * @param service the service it belongs to, or null
   */
  public record PathReference(String kind, YamlNode.Scalar node, Path resolved, boolean outside, String service) {
    public SourceRange range() {
      return node.range();
    }
  }
}
