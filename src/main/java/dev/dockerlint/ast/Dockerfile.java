package dev.dockerlint.ast;

import dev.dockerlint.shell.Expansion;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed Dockerfile: the syntax (directives, instructions, comments, errors) and the build model
 * derived from it (stages, the variables in scope at each instruction, the effective USER).
 * Immutable; built by {@code dev.dockerlint.parse.DockerfileParser}.
 */
public final class Dockerfile {
  private final String path;
  private final SourceText source;
  private final List<Directive> directives;
  private final char escape;
  private final List<Instruction> instructions;
  private final List<Comment> comments;
  private final List<SyntaxError> syntaxErrors;
  private final List<EmptyContinuation> emptyContinuations;
  private final List<Stage> stages;
  private final Map<Instruction, Scope> scopes;
  private final Map<Instruction, Stage> stageOf;
  /** Each ONBUILD trigger's ONBUILD instruction. */
  private final Map<Instruction, Onbuild> onbuildOf;
  /** The stage a build stops at ({@code --target}, a compose file's {@code build.target}), or null for the last. */
  private final String target;

  public Dockerfile(
      String path, SourceText source, List<Directive> directives, char escape, List<Instruction> instructions,
      List<Comment> comments, List<SyntaxError> syntaxErrors, List<EmptyContinuation> emptyContinuations,
      List<Stage> stages, Map<Instruction, Scope> scopes) {
    this(path, source, directives, escape, instructions, comments, syntaxErrors, emptyContinuations, stages, scopes, null);
  }

  /** @param target the stage a build stops at, which {@link #finalStage()} then is; null for the last stage */
  public Dockerfile(
      String path, SourceText source, List<Directive> directives, char escape, List<Instruction> instructions,
      List<Comment> comments, List<SyntaxError> syntaxErrors, List<EmptyContinuation> emptyContinuations,
      List<Stage> stages, Map<Instruction, Scope> scopes, String target) {
    this.target = target;
    this.path = path;
    this.source = source;
    this.directives = List.copyOf(directives);
    this.escape = escape;
    this.instructions = List.copyOf(instructions);
    this.comments = List.copyOf(comments);
    this.syntaxErrors = List.copyOf(syntaxErrors);
    this.emptyContinuations = List.copyOf(emptyContinuations);
    this.stages = List.copyOf(stages);
    Map<Instruction, Scope> scopeCopy = new IdentityHashMap<>(scopes);
    this.scopes = Collections.unmodifiableMap(scopeCopy);
    Map<Instruction, Stage> owner = new IdentityHashMap<>();
    Map<Instruction, Onbuild> wrappers = new IdentityHashMap<>();
    for (Stage stage : stages) {
      owner.put(stage.from(), stage);
      for (Instruction i : stage.instructions()) {
        owner.put(i, stage);
        if (i instanceof Onbuild onbuild && onbuild.trigger() != null) {
          owner.put(onbuild.trigger(), stage);
          wrappers.put(onbuild.trigger(), onbuild);
        }
      }
    }
    this.stageOf = Collections.unmodifiableMap(owner);
    this.onbuildOf = Collections.unmodifiableMap(wrappers);
  }

  public String path() {
    return path;
  }

  public SourceText source() {
    return source;
  }

  public List<Directive> directives() {
    return directives;
  }

  public Optional<Directive> directive(String name) {
    for (Directive d : directives) {
      if (d.name().equalsIgnoreCase(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * The frontend the file asks for with {@code # syntax=}, which decides what is valid
   * ({@link Frontend#DEFAULT} without the directive or for a frontend other than Docker's).
   */
  public Frontend frontend() {
    Optional<Directive> syntax = directive("syntax");
    return syntax.isPresent() ? Frontend.of(syntax.get().value()) : Frontend.DEFAULT;
  }

  /** The file's {@code # check=} directive, read as BuildKit reads it. */
  public CheckOptions checkOptions() {
    Optional<Directive> check = directive("check");
    return check.isPresent() ? CheckOptions.parse(check.get().value()) : CheckOptions.NONE;
  }

  /**
   * The comments BuildKit attaches to each top-level instruction (its "PrevComment", which gives
   * stages and ARGs their description): the comment lines between the instruction before it and
   * this one (blank lines do not end them), after the last bare {@code #} line, which clears them.
   * One list per instruction, in the order of {@link #instructions()}; one pass over the file.
   */
  public List<List<Comment>> commentsBefore() {
    List<List<Comment>> result = new ArrayList<>(instructions.size());
    int c = 0;
    int previousEnd = 0;
    for (Instruction instruction : instructions) {
      int start = instruction.range().startLine();
      List<Comment> attached = new ArrayList<>();
      for (; c < comments.size() && comments.get(c).range().startLine() < start; c++) {
        Comment comment = comments.get(c);
        if (comment.range().startLine() <= previousEnd) {
          continue; // inside the previous instruction (a comment in a continuation)
        }
        if (comment.text().isEmpty()) {
          attached.clear();
        } else {
          attached.add(comment);
        }
      }
      result.add(attached);
      previousEnd = instruction.range().endLine();
    }
    return result;
  }

  /**
   * The range of the first {@code $NAME} or {@code ${NAME...}} inside {@code within} (continued lines
   * included), where a finding about the variable points; {@code within} itself when it cannot be
   * found.
   */
  public SourceRange variableRange(SourceRange within, String name) {
    String text = source.text();
    int from = offset(source, within.start().line(), within.start().column());
    int to = Math.min(offset(source, within.end().line(), within.end().column()), text.length());
    for (int i = from; i >= 0 && i < to; i++) {
      if (text.charAt(i) != '$' || i > from && text.charAt(i - 1) == escape) {
        continue;
      }
      int start = i + 1;
      boolean braced = start < to && text.charAt(start) == '{';
      if (braced) {
        start++;
      }
      if (!text.startsWith(name, start) || start + name.length() > to) {
        continue;
      }
      int end = start + name.length();
      if (end < to && isNameChar(text.charAt(end))) {
        continue;
      }
      if (braced) {
        int depth = 1;
        int j = end;
        for (; j < to && depth > 0; j++) {
          char c = text.charAt(j);
          if (c == '{' && text.charAt(j - 1) == '$') {
            depth++;
          } else if (c == '}') {
            depth--;
          }
        }
        end = depth == 0 ? j : end;
      }
      return source.range(i, end);
    }
    return within;
  }

  private static int offset(SourceText source, int line, int column) {
    return source.lineStart(line) + column - 1;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** The escape character: {@code \} or, with {@code # escape=`}, a backtick. */
  public char escape() {
    return escape;
  }

  /** Top-level instructions in file order (ONBUILD triggers are inside their {@link Onbuild}). */
  public List<Instruction> instructions() {
    return instructions;
  }

  public <T extends Instruction> List<T> instructions(Class<T> type) {
    return Stage.ofType(instructions, type);
  }

  public List<Comment> comments() {
    return comments;
  }

  /** What Docker would reject, in file order. */
  public List<SyntaxError> syntaxErrors() {
    return syntaxErrors;
  }

  /**
   * True when Docker rejects the instruction: an {@link Invalid} one, or a FROM (which stays a
   * {@link From}, as it still starts a stage) with a syntax error in it.
   */
  public boolean isRejected(Instruction instruction) {
    if (instruction instanceof Invalid) {
      return true;
    }
    // errors are in file order: find the first one starting in the instruction
    SourceRange range = instruction.range();
    int low = 0;
    int high = syntaxErrors.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (syntaxErrors.get(mid).range().start().compareTo(range.start()) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (int i = low; i < syntaxErrors.size() && syntaxErrors.get(i).range().start().compareTo(range.end()) <= 0; i++) {
      if (range.contains(syntaxErrors.get(i).range())) {
        return true;
      }
    }
    return false;
  }

  public List<EmptyContinuation> emptyContinuations() {
    return emptyContinuations;
  }

  public List<Stage> stages() {
    return stages;
  }

  /**
   * The stage the image is: the last one, or the build's target when one was given and a stage has
   * that name (case-insensitive, as BuildKit matches it).
   */
  public Optional<Stage> finalStage() {
    if (target != null) {
      for (int i = stages.size() - 1; i >= 0; i--) {
        if (stages.get(i).name() != null && stages.get(i).name().equalsIgnoreCase(target)) {
          return Optional.of(stages.get(i));
        }
      }
    }
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }

  /**
   * The instructions of a type in file order, each ONBUILD trigger of that type included where its
   * ONBUILD stands: {@code ONBUILD ENV A=1} gives the {@code ENV A=1}. For the checks hadolint also
   * applies to triggers (a trigger runs as its instruction in every build FROM this image).
   */
  public <T extends Instruction> List<T> instructionsWithTriggers(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (Instruction instruction : instructions) {
      Instruction target = instruction instanceof Onbuild onbuild && onbuild.trigger() != null ? onbuild.trigger()
          : instruction;
      if (type.isInstance(target)) {
        result.add(type.cast(target));
      }
    }
    return result;
  }

  /** The ONBUILD wrapping an instruction, when it is a trigger. */
  public Optional<Onbuild> onbuildOf(Instruction instruction) {
    return Optional.ofNullable(onbuildOf.get(instruction));
  }

  /** The stage an instruction (or ONBUILD trigger) belongs to; empty for ARGs before the first FROM. */
  public Optional<Stage> stageOf(Instruction instruction) {
    return Optional.ofNullable(stageOf.get(instruction));
  }

  /** The final stage and the stages it is built on: what ends up in the image. */
  public Set<Stage> shippedStages() {
    Set<Stage> shipped = new HashSet<>();
    if (finalStage().isPresent()) {
      shipped.addAll(lineage(finalStage().get()));
    }
    return shipped;
  }

  /**
   * Every shell-form RUN of every stage, in file order; with {@code withOnbuild}, each shell-form
   * ONBUILD RUN trigger too, where its ONBUILD stands. The rules hadolint also applies to triggers
   * ask for them (a trigger runs as a RUN in every build FROM this image).
   */
  public List<ShellRun> shellRuns(boolean withOnbuild) {
    List<ShellRun> result = new ArrayList<>();
    for (Stage stage : stages) {
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Run run && run.command() instanceof ShellForm shell) {
          result.add(new ShellRun(stage, run, shell.script(), false));
        } else if (withOnbuild && instruction instanceof Onbuild onbuild && onbuild.trigger() instanceof Run run
            && run.command() instanceof ShellForm shell) {
          result.add(new ShellRun(stage, run, shell.script(), true));
        }
      }
    }
    return result;
  }

  /**
   * Every command of every RUN (ONBUILD RUN included), as the program it really runs
   * ({@link Run#invokedCommands()}).
   */
  public List<ShellCommand> invokedRunCommands() {
    List<ShellCommand> result = new ArrayList<>();
    for (Stage stage : stages) {
      for (Instruction instruction : stage.instructions()) {
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        if (target instanceof Run run) {
          result.addAll(run.invokedCommands());
        }
      }
    }
    return result;
  }

  /** Every top-level COPY with a non-empty, variable-free {@code --from} value, with its stage. */
  public List<CopyFrom> copyFroms() {
    List<CopyFrom> result = new ArrayList<>();
    for (Stage stage : stages) {
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Copy copy) {
          for (Flag flag : copy.flags("from")) {
            if (flag.value() != null && !flag.value().isBlank() && flag.value().indexOf('$') < 0) {
              result.add(new CopyFrom(stage, copy, flag));
            }
          }
        }
      }
    }
    return result;
  }

  /** The stage of that name, compared without case as BuildKit does (the last one when names repeat). */
  public Optional<Stage> stageNamed(String name) {
    for (int i = stages.size() - 1; i >= 0; i--) {
      Stage stage = stages.get(i);
      if (stage.name() != null && stage.name().equalsIgnoreCase(name)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }

  /**
   * The earlier stage a COPY --from names: the stage of that index, or the last stage of that name
   * (ignoring case, as BuildKit compares them) before the COPY's own; empty when it names an image.
   */
  public Optional<Stage> sourceStage(CopyFrom copy) {
    int before = copy.stage().index();
    if (copy.isNumeric()) {
      int index = Integer.parseInt(copy.value());
      return index < before ? Optional.of(stages.get(index)) : Optional.empty();
    }
    int[] indexes = stagesByName().get(copy.value());
    if (indexes == null) {
      return Optional.empty();
    }
    int found = -1;
    int low = 0;
    int high = indexes.length - 1;
    while (low <= high) { // the last index below the COPY's stage
      int mid = (low + high) >>> 1;
      if (indexes[mid] < before) {
        found = indexes[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found < 0 ? Optional.empty() : Optional.of(stages.get(found));
  }

  private volatile Map<String, int[]> stagesByName;

  /** The indexes of the stages of each name, ascending; built once, on first use. */
  private Map<String, int[]> stagesByName() {
    Map<String, int[]> known = stagesByName;
    if (known == null) {
      Map<String, List<Integer>> lists = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Stage stage : stages) {
        if (stage.name() != null) {
          List<Integer> list = lists.get(stage.name());
          if (list == null) {
            list = new ArrayList<>();
            lists.put(stage.name(), list);
          }
          list.add(stage.index());
        }
      }
      Map<String, int[]> built = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, List<Integer>> entry : lists.entrySet()) {
        int[] indexes = new int[entry.getValue().size()];
        for (int i = 0; i < indexes.length; i++) {
          indexes[i] = entry.getValue().get(i);
        }
        built.put(entry.getKey(), indexes);
      }
      known = Collections.unmodifiableMap(built);
      stagesByName = known;
    }
    return known;
  }

  /** The ARG instructions before the first FROM. */
  public List<Arg> globalArgs() {
    List<Arg> args = new java.util.ArrayList<>();
    for (Instruction i : instructions) {
      if (i instanceof From) {
        break;
      }
      if (i instanceof Arg arg) {
        args.add(arg);
      }
    }
    return List.copyOf(args);
  }

  /**
   * The variables visible just before an instruction: global ARGs and predefined ARGs for FROM;
   * the stage's ARG/ENV (inherited through {@code FROM <stage>}) for the others, and for an ONBUILD
   * trigger those at its ONBUILD.
   */
  public Scope scopeAt(Instruction instruction) {
    Onbuild wrapper = onbuildOf.get(instruction);
    // a trigger runs in a build FROM this image, which starts with the ENV in effect at its ONBUILD
    Scope scope = scopes.get(wrapper != null ? wrapper : instruction);
    return scope != null ? scope : new Scope(Map.of(), escape);
  }

  /** The chain of stages a stage is built on, nearest first, this stage included. */
  public List<Stage> lineage(Stage stage) {
    List<Stage> chain = new java.util.ArrayList<>();
    Stage current = stage;
    while (current != null && chain.size() <= stages.size()) {
      chain.add(current);
      current = base(current);
    }
    return chain;
  }

  /**
   * The last instruction of a type in the stages a stage is built on (nearest first), not in the
   * stage itself: what the stage inherits, such as a SHELL or WORKDIR set by its base stage.
   */
  public <T extends Instruction> Optional<T> inherited(Stage stage, Class<T> type) {
    // remembered per stage and type: rules ask for every stage, and a long chain of stages built on
    // one another made walking it each time quadratic
    Map<Stage, Optional<Instruction>> known = inheritedCache.get(type);
    if (known == null) {
      Map<Stage, Optional<Instruction>> fresh = new ConcurrentHashMap<>();
      known = inheritedCache.putIfAbsent(type, fresh);
      known = known == null ? fresh : known;
    }
    List<Stage> walked = new java.util.ArrayList<>();
    Optional<Instruction> answer = Optional.empty();
    for (Stage current = base(stage); current != null; current = base(current)) {
      List<T> own = current.instructions(type);
      if (!own.isEmpty()) {
        answer = Optional.of(own.get(own.size() - 1));
        break;
      }
      Optional<Instruction> cached = known.get(current);
      if (cached != null) {
        answer = cached; // what it inherits, as it sets none itself
        break;
      }
      walked.add(current);
    }
    known.put(stage, answer);
    // the stages walked through set none either, so they inherit the same
    for (Stage s : walked) {
      known.putIfAbsent(s, answer);
    }
    return answer.isPresent() ? Optional.of(type.cast(answer.get())) : Optional.empty();
  }

  private final Map<Class<?>, Map<Stage, Optional<Instruction>>> inheritedCache = new ConcurrentHashMap<>();

  /** The earlier stage a stage is built on, or null. */
  private Stage base(Stage stage) {
    return stage.baseStage() >= 0 && stage.baseStage() < stage.index() ? stages.get(stage.baseStage()) : null;
  }

  /**
   * The USER in effect at the end of a stage: its last USER, else the last USER of the stage it is
   * built on, and so on. Empty when no stage of the chain sets one (the base image's user applies).
   */
  public Optional<User> effectiveUser(Stage stage) {
    for (Stage s : lineage(stage)) {
      List<User> users = s.instructions(User.class);
      if (!users.isEmpty()) {
        return Optional.of(users.get(users.size() - 1));
      }
    }
    return Optional.empty();
  }

  /**
   * The base image of a stage built on an image, expanded with the global ARG defaults; empty for
   * stages built on stages, {@code scratch}, and references a variable without default leaves open
   * (set only by {@code --build-arg}: unknown here).
   */
  public Optional<ImageRef> resolvedBaseImage(Stage stage) {
    if (stage.isBuiltOnStage() || stage.baseImage() == null || stage.baseImage().isScratch()) {
      return Optional.empty();
    }
    Expansion expansion = scopeAt(stage.from()).expand(stage.from().image().text());
    for (String name : expansion.references()) {
      if (!scopeAt(stage.from()).hasValue(name)) {
        return Optional.empty();
      }
    }
    return Optional.of(stage.baseImage());
  }

  /** The image at the root of a stage's chain ({@code FROM python AS a} / {@code FROM a}: python). */
  public Optional<ImageRef> rootImage(Stage stage) {
    List<Stage> chain = lineage(stage);
    return chain.get(chain.size() - 1).image();
  }
}
