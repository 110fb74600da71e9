package dev.dockerlint.parse;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Frontend;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Stopsignal;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks BuildKit makes when it turns an instruction into build steps, after variable
 * expansion, and that still fail {@code docker build}: {@code --chmod} modes, {@code ADD --checksum}
 * values and sources, {@code COPY --from} with a variable, URLs given to COPY, every
 * {@code RUN --mount} option, {@code RUN --device} outside the labs frontend and STOPSIGNAL names.
 * A value that depends on a variable not known before the build (an ARG without a default, the
 * base image's ENV) is skipped. EXPOSE values are the expose-invalid rule's.
 */
final class DispatchChecks {
  /** Linux signal names (moby/sys/signal), without the {@code SIG} prefix. */
  private static final Set<String> SIGNALS = signals();

  private final Frontend frontend;
  private final char escape;
  private final InstructionChecks ranges;

  DispatchChecks(Frontend frontend, char escape, InstructionChecks ranges) {
    this.frontend = frontend;
    this.escape = escape;
    this.ranges = ranges;
  }

  private static Set<String> signals() {
    List<String> names = new ArrayList<>(List.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL",
        "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM",
        "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX"));
    for (int i = 1; i <= 15; i++) {
      names.add("RTMIN+" + i);
      names.add("RTMAX-" + i);
    }
    return Set.copyOf(names);
  }

  /** Adds an error for each instruction of the stages that fails when built (the first one each). */
  void check(List<Stage> stages, Map<Instruction, Scope> scopes, List<SyntaxError> errors) {
    for (Stage stage : stages) {
      for (Instruction instruction : stage.instructions()) {
        Scope scope = scopes.get(instruction);
        if (scope == null) {
          continue;
        }
        SyntaxError error = firstError(instruction, scope);
        if (error != null) {
          errors.add(error);
        }
      }
    }
  }

  private SyntaxError firstError(Instruction instruction, Scope scope) {
    if (instruction instanceof Copy copy) {
      SyntaxError fromError = copyFrom(copy);
      return fromError != null ? fromError : transfer(copy, scope);
    }
    if (instruction instanceof Add add) {
      return transfer(add, scope);
    }
    if (instruction instanceof Run run) {
      return run(run, scope);
    }
    if (instruction instanceof Stopsignal stop && stop.signal() != null) {
      String signal = known(scope, stop.signal().text());
      if (signal != null && !isSignal(signal)) {
        return error("invalid signal: " + signal, stop.signal().range());
      }
    }
    return null;
  }

  /** moby/sys/signal's {@code ParseSignal}: a non-zero number, or a Linux name with or without SIG. */
  static boolean isSignal(String raw) {
    GoValues.Int number = GoValues.parseInt(raw, 64);
    if (number.error() == null) {
      return number.value() != 0;
    }
    String name = raw.toUpperCase(Locale.ROOT);
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    return SIGNALS.contains(name);
  }

  /** BuildKit expands {@code --from} with no variables at all: if that changes it, it names no stage. */
  private SyntaxError copyFrom(Copy copy) {
    for (Flag from : copy.flags("from")) {
      if (from.value() != null && !from.value().isEmpty()) {
        Expansion e = new Scope(Map.of(), escape).expand(from.value());
        if (e.error() != null || !e.value().equals(from.value())) {
          return error("variable expansion is not supported for --from, define a new stage with FROM using ARG "
              + "from global scope as a workaround", ranges.valueRange(from));
        }
      }
    }
    return null;
  }

  private SyntaxError transfer(FileTransfer transfer, Scope scope) {
    for (Flag chmod : transfer.flags("chmod")) {
      String mode = chmod.value() == null ? null : known(scope, chmod.value());
      if (mode != null && !mode.isEmpty()) {
        String problem = chmodError(mode);
        if (problem != null) {
          return error(problem, ranges.valueRange(chmod));
        }
      }
    }
    List<Token> sources = new ArrayList<>();
    for (Token source : transfer.sources()) {
      if (!isHeredocSource(transfer, source)) {
        sources.add(source);
      }
    }
    boolean isAdd = transfer instanceof Add;
    for (Flag checksum : transfer.flags("checksum")) {
      String sum = checksum.value() == null ? null : known(scope, checksum.value());
      if (sum == null || sum.isEmpty()) {
        continue;
      }
      if (sources.size() != 1) {
        return error("checksum can't be specified for multiple sources", checksum.range());
      }
      String source = known(scope, sources.get(0).text());
      if (source == null) {
        continue;
      }
      if (!isHttp(source) && !isGit(source)) {
        return error("checksum requires HTTP(S) or Git sources", sources.get(0).range());
      }
      if (isHttp(source)) {
        String problem = GoValues.digestError(sum);
        if (problem != null) {
          return error(problem, ranges.valueRange(checksum));
        }
      }
    }
    if (!isAdd && transfer.flag("from").isEmpty()) {
      for (Token source : sources) {
        String value = known(scope, source.text());
        if (value != null && isGit(value) && value.contains("://")) {
          return error("source can't be a git ref for COPY", source.range());
        }
        if (value != null && isHttp(value)) {
          return error("source can't be a URL for COPY", source.range());
        }
      }
    }
    return null;
  }

  private static boolean isHeredocSource(FileTransfer transfer, Token source) {
    for (Heredoc heredoc : transfer.heredocs()) {
      if (heredoc.word().range().equals(source.range())) {
        return true;
      }
    }
    return false;
  }

  /**
   * BuildKit's {@code --chmod} check: an octal mode up to 07777, or (from frontend 1.14, or labs) a
   * symbolic mode such as {@code u=rwx,go=rx}. For a symbolic mode it fails to read, BuildKit
   * reports only "invalid syntax"; the message here says which value and what is expected.
   */
  String chmodError(String mode) {
    String nonOctal = "invalid chmod parameter: '" + mode + "'. it should be octal string and between 0 and 07777";
    if (GoValues.isUint(mode, 8, 32)) {
      return Long.parseLong(mode, 8) > 07777 ? nonOctal : null;
    }
    // symbolic modes: mainline from 1.14, labs before it (from which labs release is not recorded: any)
    if (mode.charAt(0) >= '0' && mode.charAt(0) <= '9' || !frontend.atLeast(14) && !frontend.labs()) {
      return nonOctal;
    }
    return isSymbolicMode(mode) ? null : nonOctal + ", or a symbolic mode such as u=rwx,go=rx";
  }

  /** chmod(1)'s symbolic modes as BSD's setmode reads them: clauses {@code [ugoa]*([+-=][rwxXstugo]*)+}, comma-separated. */
  static boolean isSymbolicMode(String mode) {
    int i = 0;
    int n = mode.length();
    while (true) {
      while (i < n && "augo".indexOf(mode.charAt(i)) >= 0) {
        i++;
      }
      if (i >= n || "+-=".indexOf(mode.charAt(i)) < 0) {
        return false; // a clause needs an operator
      }
      while (i < n && "+-=".indexOf(mode.charAt(i)) >= 0) {
        i++;
        while (i < n && "rwxXstugo".indexOf(mode.charAt(i)) >= 0) {
          i++;
        }
      }
      if (i == n) {
        return true;
      }
      if (mode.charAt(i) != ',' || i + 1 == n) {
        return false;
      }
      i++;
    }
  }

  private static boolean isHttp(String source) {
    return (source.startsWith("http://") || source.startsWith("https://")) && !isGit(source);
  }

  /** Git references BuildKit clones: git@, git:// and ssh:// URLs, and HTTP(S) URLs of a .git repository. */
  private static boolean isGit(String source) {
    if (source.startsWith("git@") || source.startsWith("git://") || source.startsWith("ssh://")) {
      return true;
    }
    if (!source.startsWith("http://") && !source.startsWith("https://")) {
      return false;
    }
    String path = source;
    int fragment = path.indexOf('#');
    if (fragment >= 0) {
      path = path.substring(0, fragment);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    return path.endsWith(".git") || path.endsWith(".git/");
  }

  private SyntaxError run(Run run, Scope scope) {
    MountValues expander = new MountValues(scope);
    for (Flag mount : run.flags("mount")) {
      RunOptions.Problem problem = RunOptions.mountError(mount.value(), expander);
      if (problem != null) {
        return error(problem.message(), ranges.partRange(mount, problem.part()));
      }
      String target = mountTarget(mount.value(), expander);
      if (target != null && target.equals("/")) {
        return error("invalid mount target " + GoStrings.quote(target), ranges.valueRange(mount));
      }
    }
    List<Flag> devices = run.flags("device");
    if (!frontend.labs() && !devices.isEmpty()) {
      return error("device feature is only supported in Dockerfile frontend 1.14.0-labs or later", devices.get(0).range());
    }
    return null;
  }

  /** The absolute target of a bind, cache or tmpfs mount cleaned as a path, or null. */
  private static String mountTarget(String value, MountValues expander) {
    GoValues.Csv csv = GoValues.csv(value);
    if (csv.error() != null) {
      return null;
    }
    String type = "bind";
    String target = null;
    for (String field : csv.fields()) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = field.substring(0, eq).toLowerCase(Locale.ROOT);
      String v = expander.expand(field.substring(eq + 1));
      if (key.equals("type")) {
        type = v == null ? null : v.toLowerCase(Locale.ROOT);
      } else if (key.equals("target") || key.equals("dst") || key.equals("destination")) {
        target = v;
      }
    }
    if (type == null || type.equals("secret") || type.equals("ssh") || target == null || !target.startsWith("/")) {
      return null;
    }
    String cleaned = target;
    while (cleaned.length() > 1 && (cleaned.endsWith("/") || cleaned.endsWith("/."))) {
      cleaned = cleaned.endsWith("/") ? cleaned.substring(0, cleaned.length() - 1) : cleaned.substring(0, cleaned.length() - 2);
    }
    return cleaned.isEmpty() ? "/" : cleaned;
  }

  /** Mount option values expanded with the RUN's variables (a class, not a lambda: see Stage.ofType). */
  private static final class MountValues implements RunOptions.Expander {
    private final Scope scope;

    MountValues(Scope scope) {
      this.scope = scope;
    }

    @Override
    public String expand(String value) {
      return known(scope, value);
    }
  }

  /** The text expanded with the scope, or null when it uses a variable whose value is not known here. */
  static String known(Scope scope, String text) {
    Expansion expansion = scope.expand(text);
    if (expansion.error() != null) {
      return null;
    }
    for (String name : expansion.references()) {
      java.util.Optional<Variable> v = scope.get(name);
      if (v.isEmpty() || v.get().value() == null) {
        return null;
      }
    }
    return expansion.value();
  }

  private static SyntaxError error(String message, SourceRange range) {
    return new SyntaxError(message, range, false, SyntaxError.Layer.DISPATCH);
  }
}
