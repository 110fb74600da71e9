package dev.dockerlint.rules.variables;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Expose;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Stopsignal;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.Volume;
import dev.dockerlint.ast.Workdir;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A variable used where Docker substitutes variables (ENV, LABEL, COPY/ADD paths and --chown/--chmod,
 * WORKDIR, USER, VOLUME, STOPSIGNAL, EXPOSE, ARG defaults, RUN --mount values) that no ARG or ENV
 * before it declares. RUN/CMD/ENTRYPOINT command text is left to the shell. The base image's own ENV
 * is invisible here, so for base images whose environment is not known, only names close to a
 * declared one (likely typos) and global ARGs not redeclared in the stage are reported.
 */
public final class VarUndefined implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("var-undefined", Severity.WARNING,
      "A variable is used that no ARG or ENV in scope defines", "UndefinedVar");

  private static final Set<String> JAVA = Set.of("JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL");

  /** ENV set by common official base images (besides PATH, which every image has). */
  private static final Map<String, Set<String>> BASE_ENV = baseEnv();

  private static Map<String, Set<String>> baseEnv() {
    Map<String, Set<String>> m = new HashMap<>();
    for (String plain : List.of("alpine", "debian", "ubuntu", "busybox", "fedora", "centos", "rockylinux",
        "almalinux", "amazonlinux", "oraclelinux", "archlinux", "buildpack-deps", "gcc", "perl")) {
      m.put(plain, Set.of());
    }
    m.put("golang", Set.of("GOLANG_VERSION", "GOTOOLCHAIN", "GOPATH"));
    m.put("node", Set.of("NODE_VERSION", "YARN_VERSION"));
    m.put("python", Set.of("PYTHON_VERSION", "PYTHON_SHA256", "GPG_KEY", "LANG", "PYTHON_PIP_VERSION",
        "PYTHON_SETUPTOOLS_VERSION", "PYTHON_GET_PIP_URL", "PYTHON_GET_PIP_SHA256"));
    m.put("ruby", Set.of("LANG", "RUBY_VERSION", "RUBY_MAJOR", "RUBY_DOWNLOAD_URL", "RUBY_DOWNLOAD_SHA256",
        "GEM_HOME", "BUNDLE_SILENCE_ROOT_WARNING", "BUNDLE_APP_CONFIG"));
    m.put("php", Set.of("PHPIZE_DEPS", "PHP_INI_DIR", "APACHE_CONFDIR", "APACHE_ENVVARS", "PHP_CFLAGS",
        "PHP_CPPFLAGS", "PHP_LDFLAGS", "GPG_KEYS", "PHP_VERSION", "PHP_URL", "PHP_ASC_URL", "PHP_SHA256"));
    m.put("rust", Set.of("RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION"));
    m.put("openjdk", JAVA);
    m.put("eclipse-temurin", JAVA);
    m.put("amazoncorretto", JAVA);
    m.put("maven", union(JAVA, Set.of("MAVEN_HOME", "MAVEN_CONFIG")));
    m.put("gradle", union(JAVA, Set.of("GRADLE_HOME", "GRADLE_VERSION")));
    m.put("nginx", Set.of("NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "DYNPKG_RELEASE"));
    m.put("httpd", Set.of("HTTPD_PREFIX", "HTTPD_VERSION", "HTTPD_SHA256", "HTTPD_PATCHES"));
    return m;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Set<String> globals = new LinkedHashSet<>();
    for (Arg global : file.globalArgs()) {
      for (ArgDeclaration d : global.declarations()) {
        globals.add(d.name().text());
      }
    }
    for (Stage stage : file.stages()) {
      Optional<Set<String>> baseEnv = knownBaseEnv(file, stage);
      for (Instruction instruction : stage.instructions()) {
        Scope scope = file.scopeAt(instruction);
        for (Use use : uses(instruction)) {
          Set<String> seen = new LinkedHashSet<>();
          for (String name : scope.expand(use.text()).references()) {
            if (!seen.add(name) || scope.isDeclared(name) || name.equals("PATH") || !isName(name)) {
              continue;
            }
            Set<String> known = new LinkedHashSet<>(scope.variables().keySet());
            known.addAll(globals);
            String suggestion = NameSuggestion.closestVariable(name, known);
            boolean global = globals.contains(name);
            if (baseEnv.isPresent() ? baseEnv.get().contains(name) : suggestion == null && !global) {
              continue; // may come from the base image's ENV
            }
            String message = "'$" + name + "' is not defined by any ARG or ENV before this " + instruction.name();
            if (global) {
              message += "; it is declared before the first FROM, so add ARG " + name + " in the stage to use it here";
            } else {
              message += (suggestion == null ? "" : " (did you mean $" + suggestion + "?)")
                  + "; declare it with ARG or ENV first";
            }
            context.report(file.variableRange(use.range(), name), message);
          }
        }
      }
    }
  }

  /** The ENV names of the stage's root image when it is scratch or a known image; empty when unknown. */
  private static Optional<Set<String>> knownBaseEnv(Dockerfile file, Stage stage) {
    Optional<ImageRef> root = file.rootImage(stage);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    ImageRef image = root.get();
    if (image.isScratch()) {
      return Optional.of(Set.of());
    }
    String path = image.path();
    String name = image.shortName();
    if (image.registry() != null && !image.effectiveRegistry().equals("docker.io")) {
      return Optional.empty();
    }
    if (!name.equals(path) && !path.equals("library/" + name)) {
      return Optional.empty();
    }
    return Optional.ofNullable(BASE_ENV.get(name));
  }

  private static boolean isName(String name) {
    return !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
  }

  /** A piece of text Docker expands, and where it is. */
  private record Use(String text, SourceRange range) {
    static Use of(Token token) {
      return new Use(token.text(), token.range());
    }
  }

  private static List<Use> uses(Instruction instruction) {
    List<Use> uses = new ArrayList<>();
    if (instruction instanceof Env env) {
      for (KeyValue kv : env.pairs()) {
        addPair(uses, kv);
      }
    } else if (instruction instanceof Label label) {
      for (KeyValue kv : label.pairs()) {
        addPair(uses, kv);
      }
    } else if (instruction instanceof FileTransfer transfer) {
      Set<String> heredocWords = new LinkedHashSet<>();
      for (Heredoc heredoc : transfer.heredocs()) {
        heredocWords.add(heredoc.word().text());
      }
      for (Token source : transfer.sources()) {
        if (!heredocWords.contains(source.text())) {
          uses.add(Use.of(source));
        }
      }
      if (transfer.destination() != null) {
        uses.add(Use.of(transfer.destination()));
      }
      List<String> flags = transfer instanceof Add ? List.of("chown", "chmod", "checksum") : List.of("chown", "chmod");
      for (Flag flag : transfer.flags()) {
        if (flags.contains(flag.name()) && flag.value() != null) {
          uses.add(new Use(flag.value(), flag.range()));
        }
      }
    } else if (instruction instanceof Workdir workdir && workdir.path() != null) {
      uses.add(Use.of(workdir.path()));
    } else if (instruction instanceof User user && user.user() != null) {
      uses.add(Use.of(user.user()));
    } else if (instruction instanceof Volume volume) {
      for (var p : volume.paths()) {
        uses.add(Use.of(p));
      }
    } else if (instruction instanceof Stopsignal signal && signal.signal() != null) {
      uses.add(Use.of(signal.signal()));
    } else if (instruction instanceof Expose expose) {
      for (var p : expose.ports()) {
        uses.add(Use.of(p));
      }
    } else if (instruction instanceof Arg arg) {
      for (ArgDeclaration d : arg.declarations()) {
        if (d.defaultToken().isPresent()) {
          uses.add(Use.of(d.defaultToken().get()));
        }
      }
    } else if (instruction instanceof Run run) {
      for (Flag mount : run.mounts()) {
        if (mount.value() != null) {
          uses.add(new Use(mount.value(), mount.range()));
        }
      }
    }
    return uses;
  }

  private static void addPair(List<Use> uses, KeyValue kv) {
    uses.add(Use.of(kv.key()));
    if (kv.value() != null) {
      uses.add(Use.of(kv.value()));
    }
  }
}
