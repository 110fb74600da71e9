package dev.dockerlint.parse;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.VariableExpander;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives the build model from the parsed instructions: stages and their bases, the variables in
 * scope at each instruction (BuildKit's ARG/ENV scoping), and whether each stage runs a POSIX shell.
 */
final class BuildModel {
  /** Platform ARGs BuildKit defines for every build; values stand for a typical linux/amd64 build. */
  static final Map<String, String> PLATFORM_ARGS = platformArgs();

  /** Passed to RUN without being declared. */
  static final Set<String> PROXY_ARGS = Set.of(
      "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
      "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

  private static final Set<String> POSIX_SHELLS =
      Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox", "yash", "posh");

  private final char escape;
  final List<Instruction> instructions;
  final List<Stage> stages = new ArrayList<>();
  final Map<Instruction, Scope> scopes = new IdentityHashMap<>();
  private final Map<String, Integer> stageByName = new java.util.HashMap<>();
  /**
   * How many characters variable values may add to what the file has written. Each value is kept,
   * so ARGs that each extend the one before would otherwise take memory quadratic in their number
   * (40,000 such lines ran out of memory); past the budget, values are not known.
   */
  static final int GROWTH_BUDGET = 1 << 22;
  private int growthLeft = GROWTH_BUDGET;
  /** Variables whose value {@link #stored} gave up on; what is worked out from them is not known either. */
  private final Set<Variable> unknown = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** FROMs Docker rejects: their stages have no known base. */
  private final Set<Instruction> invalidFroms;

  /** Values given for ARGs from outside the file ({@code build.args} of a compose file), by name. */
  private final Map<String, String> buildArgs;

  BuildModel(List<Instruction> parsed, char escape, Set<Instruction> invalidFroms) {
    this(parsed, escape, invalidFroms, Map.of());
  }

  /** @param buildArgs values that replace the defaults of the ARGs of these names, as {@code --build-arg} does */
  BuildModel(List<Instruction> parsed, char escape, Set<Instruction> invalidFroms, Map<String, String> buildArgs) {
    this.buildArgs = buildArgs;
    this.escape = escape;
    this.invalidFroms = invalidFroms;
    this.instructions = new ArrayList<>(parsed);
    build();
  }

  private static Map<String, String> platformArgs() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String prefix : List.of("TARGET", "BUILD")) {
      m.put(prefix + "PLATFORM", "linux/amd64");
      m.put(prefix + "OS", "linux");
      m.put(prefix + "ARCH", "amd64");
      m.put(prefix + "VARIANT", "");
      m.put(prefix + "OSVERSION", "");
    }
    m.put("TARGETSTAGE", "default");
    return m;
  }

  private void build() {
    Map<String, Variable> predefined = new LinkedHashMap<>();
    for (Map.Entry<String, String> arg : PLATFORM_ARGS.entrySet()) {
      predefined.put(arg.getKey(), new Variable(arg.getKey(), arg.getValue(), Variable.Kind.PREDEFINED, null));
    }
    int i = 0;
    // ARGs before the first FROM: visible in FROM lines only
    Scope.Chain globalChain = new Scope.Chain(predefined, escape);
    for (; i < instructions.size() && !(instructions.get(i) instanceof From); i++) {
      Instruction instruction = instructions.get(i);
      scopes.put(instruction, globalChain.current());
      if (instruction instanceof Arg arg) {
        for (ArgDeclaration d : arg.declarations()) {
          Scope scope = globalChain.current();
          String given = buildArgs.get(d.name().text());
          Variable variable = new Variable(d.name().text(), given != null ? given : d.defaultValue() == null ? null
              : stored(scope, d.defaultValue().text()), Variable.Kind.GLOBAL_ARG, d.range());
          if (given == null && d.defaultValue() != null && variable.value() == null) {
            unknown.add(variable);
          }
          globalChain.put(variable);
        }
      }
    }
    Scope fromScope = globalChain.current();
    List<Scope> stageEnds = new ArrayList<>();
    List<Boolean> stagePosix = new ArrayList<>();
    while (i < instructions.size()) {
      From from = (From) instructions.get(i);
      scopes.put(from, fromScope);
      int stageIndex = stages.size();
      // a FROM Docker rejects (FROM --platform linux/amd64 alpine takes linux/amd64 for the image) has no known base
      boolean invalid = invalidFroms.contains(from);
      int baseStage = invalid ? -1 : findStage(from.image().text(), fromScope);
      ImageRef image = null;
      if (baseStage < 0 && !invalid) {
        Expansion e = fromScope.expand(from.image().text());
        if (e.error() == null && !e.value().isEmpty()) {
          image = ImageRef.parse(e.value());
        }
      }
      boolean posix;
      Scope.Chain chain;
      if (baseStage >= 0) {
        chain = new Scope.Chain(stageEnds.get(baseStage), escape);
        posix = stagePosix.get(baseStage);
      } else {
        chain = new Scope.Chain(Map.of(), escape);
        posix = image == null || !looksWindows(image);
      }
      List<Instruction> body = new ArrayList<>();
      int j = i + 1;
      for (; j < instructions.size() && !(instructions.get(j) instanceof From); j++) {
        Instruction instruction = instructions.get(j);
        if (instruction instanceof Shell shell) {
          posix = isPosix(shell.command());
        } else if (!posix) {
          instruction = withoutShellScript(instruction);
          instructions.set(j, instruction);
        }
        scopes.put(instruction, chain.current());
        body.add(instruction);
        apply(instruction, fromScope, chain);
      }
      String name = from.stageName() == null ? null : from.stageName().text();
      stages.add(new Stage(stageIndex, name, from, body, baseStage, image));
      if (name != null) {
        stageByName.put(name.toLowerCase(Locale.ROOT), stageIndex); // a later stage of the same name wins
      }
      stageEnds.add(chain.current());
      stagePosix.add(posix);
      i = j;
    }
  }

  /**
   * The value to record for {@code written} in {@code scope}: its expansion, or null (not known
   * here) when it is too long, uses a value that is not known, or would take the file's values
   * past {@link #GROWTH_BUDGET}.
   */
  private String stored(Scope scope, String written) {
    Expansion expansion = scope.expand(written);
    if (VariableExpander.TOO_LONG.equals(expansion.error())) {
      return null;
    }
    for (String name : expansion.references()) {
      Variable used = scope.get(name).orElse(null);
      if (used != null && unknown.contains(used)) {
        return null;
      }
    }
    int growth = expansion.value().length() - written.length();
    if (growth > 0) {
      if (growth > growthLeft) {
        return null;
      }
      growthLeft -= growth;
    }
    return expansion.value();
  }

  /** Index of an earlier stage named by a FROM (names are case-insensitive), or -1. */
  private int findStage(String imageText, Scope fromScope) {
    return stageByName.getOrDefault(fromScope.expand(imageText).value().toLowerCase(Locale.ROOT), -1);
  }

  /** Records what an ARG or ENV declares; {@code globals} are the ARGs before the first FROM. */
  private void apply(Instruction instruction, Scope globals, Scope.Chain chain) {
    if (instruction instanceof Arg arg) {
      for (ArgDeclaration d : arg.declarations()) {
        String name = d.name().text();
        Variable existing = chain.current().get(name).orElse(null);
        if (existing != null && existing.kind() == Variable.Kind.ENV) {
          continue; // ENV beats ARG of the same name
        }
        String value;
        boolean known;
        String given = buildArgs.get(name);
        if (given != null) {
          value = given;
          known = true;
        } else if (d.defaultValue() != null) {
          value = stored(chain.current(), d.defaultValue().text());
          known = value != null;
        } else {
          Variable g = globals.get(name).orElse(null);
          Variable from = g != null ? g : existing;
          value = from != null ? from.value() : null;
          known = from == null || !unknown.contains(from);
        }
        Variable variable = new Variable(name, value, Variable.Kind.ARG, d.range());
        if (!known) {
          unknown.add(variable);
        }
        chain.put(variable);
      }
    } else if (instruction instanceof Env e) {
      // all values of one ENV see the state before it, so they are worked out before any is set
      Scope before = chain.current();
      List<Variable> assigned = new ArrayList<>(e.pairs().size());
      for (KeyValue kv : e.pairs()) {
        String key = before.expand(kv.key().text()).value();
        Variable variable = new Variable(key, stored(before, kv.value().text()), Variable.Kind.ENV, kv.range());
        if (variable.value() == null) {
          unknown.add(variable);
        }
        assigned.add(variable);
      }
      for (Variable variable : assigned) {
        chain.put(variable);
      }
    }
  }


  private static boolean isPosix(CommandLine shell) {
    if (shell instanceof ExecForm exec && !exec.arguments().isEmpty()) {
      String program = exec.arguments().get(0).text().replace('\\', '/');
      String base = program.substring(program.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (base.endsWith(".exe")) {
        return false;
      }
      return POSIX_SHELLS.contains(base);
    }
    return true;
  }

  private static boolean looksWindows(ImageRef image) {
    String p = image.raw().toLowerCase(Locale.ROOT);
    return p.contains("windows") || p.contains("servercore") || p.contains("nanoserver");
  }

  /** The same instruction with its shell script dropped: rules must not guess at pwsh or cmd. */
  private static Instruction withoutShellScript(Instruction instruction) {
    if (instruction instanceof Run r && r.command() instanceof ShellForm s) {
      return new Run(r.keyword(), r.flags(), r.range(), nonPosix(s));
    }
    if (instruction instanceof Cmd c && c.command() instanceof ShellForm s) {
      return new Cmd(c.keyword(), c.flags(), c.range(), nonPosix(s));
    }
    if (instruction instanceof Entrypoint e && e.command() instanceof ShellForm s) {
      return new Entrypoint(e.keyword(), e.flags(), e.range(), nonPosix(s));
    }
    if (instruction instanceof Healthcheck h && h.command() instanceof ShellForm s) {
      return new Healthcheck(h.keyword(), h.flags(), h.range(), h.type(), nonPosix(s));
    }
    return instruction;
  }

  private static ShellForm nonPosix(ShellForm s) {
    return new ShellForm(s.text(), s.heredocs(), ShellScript.EMPTY, false);
  }
}
