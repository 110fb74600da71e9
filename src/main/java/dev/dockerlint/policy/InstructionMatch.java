package dev.dockerlint.policy;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Expose;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.PortSpec;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.UserSpec;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test of one instruction, giving where it matched ({@link Hit}s; none when it does not). The
 * instruction-type tests ({@code from:}, {@code run:}, {@code env:} ...) match the parts of their
 * instruction (an image, a command, a key); the others test the instruction as a whole.
 */
abstract class InstructionMatch {
  // the kinds of instruction a test can match, as bits: a rule skips the others without testing them
  static final int FROM = 1;
  static final int RUN = 2;
  static final int ENV = 4;
  static final int ARG = 8;
  static final int LABEL = 16;
  static final int USER = 32;
  static final int EXPOSE = 64;
  static final int ADD = 128;
  static final int COPY = 256;
  static final int OTHER = 512;
  static final int ANY_KIND = 1023;

  /** The hits in one instruction of a stage (null for the ARGs before the first FROM); empty when none. */
  abstract List<Hit> hits(FileIndex index, Stage stage, Instruction instruction);

  /** The kinds of instruction this test can match ({@link #kindOf}); any by default. */
  int kinds() {
    return ANY_KIND;
  }

  static int kindOf(Instruction instruction) {
    if (instruction instanceof Run) {
      return RUN;
    } else if (instruction instanceof From) {
      return FROM;
    } else if (instruction instanceof Env) {
      return ENV;
    } else if (instruction instanceof Arg) {
      return ARG;
    } else if (instruction instanceof Label) {
      return LABEL;
    } else if (instruction instanceof User) {
      return USER;
    } else if (instruction instanceof Expose) {
      return EXPOSE;
    } else if (instruction instanceof Add) {
      return ADD;
    } else if (instruction instanceof Copy) {
      return COPY;
    }
    return OTHER;
  }


  private static Hit whole(Instruction instruction) {
    return Hit.of(instruction.keyword().range(), false);
  }

  /** {@code instruction: RUN}: the keyword, compared without case. */
  static final class Keyword extends InstructionMatch {
    private final TextMatch keyword;
    private final int kinds;

    Keyword(TextMatch keyword) {
      this.keyword = keyword;
      List<String> literals = keyword.literals();
      int bits = literals == null ? ANY_KIND : 0;
      for (int i = 0; literals != null && i < literals.size(); i++) {
        bits |= kindOfKeyword(literals.get(i).toUpperCase(java.util.Locale.ROOT));
      }
      this.kinds = bits;
    }

    @Override
    int kinds() {
      return kinds;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      // the pattern ignores case: the keyword as written, without upper-casing it for every rule
      return keyword.matches(instruction.keyword().text()) ? List.of(whole(instruction)) : List.of();
    }

    private static int kindOfKeyword(String keyword) {
      return switch (keyword) {
        case "FROM" -> FROM;
        case "RUN" -> RUN;
        case "ENV" -> ENV;
        case "ARG" -> ARG;
        case "LABEL" -> LABEL;
        case "USER" -> USER;
        case "EXPOSE" -> EXPOSE;
        case "ADD" -> ADD;
        case "COPY" -> COPY;
        default -> OTHER;
      };
    }
  }

  /** {@code flag: {name: chown, value: ...}}: an instruction flag ({@code --chown=...}) and its value. */
  static final class FlagMatch extends InstructionMatch {
    private final TextMatch name;
    private final TextMatch value;

    FlagMatch(TextMatch name, TextMatch value) {
      this.name = name;
      this.value = value;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      List<Hit> hits = new ArrayList<>(0);
      for (Flag flag : instruction.flags()) {
        if (name.matches(flag.name()) && (value == null || value.matches(flag.value()))) {
          hits.add(Hit.of(flag.range(), true).with(Placeholder.VALUE, flag.value() == null ? "" : flag.value()));
        }
      }
      return hits;
    }
  }

  /**
   * {@code from:}: the base image of a stage, with the global ARGs' defaults expanded as the
   * built-in rules do; a stage built on a stage, {@code scratch} and an image a variable without
   * default leaves open have no image to match.
   */
  static final class Image extends InstructionMatch {
    private final TextMatch image;
    private final TextMatch registry;
    private final TextMatch repository;
    private final TextMatch tag;
    private final TextMatch digest;

    Image(TextMatch image, TextMatch registry, TextMatch repository, TextMatch tag, TextMatch digest) {
      this.image = image;
      this.registry = registry;
      this.repository = repository;
      this.tag = tag;
      this.digest = digest;
    }

    @Override
    int kinds() {
      return FROM;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      if (!(instruction instanceof From from) || stage == null || stage.from() != from) {
        return List.of();
      }
      Optional<ImageRef> resolved;
      if (stage.isBuiltOnStage() || stage.baseImage() == null || stage.baseImage().isScratch()) {
        resolved = Optional.empty();
      } else {
        // without a variable the stage's image is the image; with one, only when every variable has a value
        resolved = from.image().text().indexOf('$') < 0 ? Optional.of(stage.baseImage()) : index.file.resolvedBaseImage(stage);
      }
      if (resolved.isEmpty()) {
        return List.of();
      }
      ImageRef ref = resolved.get();
      if (image != null && !image.matches(ref.raw()) || registry != null && !registry.matches(ref.effectiveRegistry())
          || repository != null && !repository.matches(ref.path()) || tag != null && !tag.matches(ref.tag())
          || digest != null && !digest.matches(ref.digest())) {
        return List.of();
      }
      return List.of(Hit.of(from.image().range(), true).with(Placeholder.IMAGE, ref.raw())
          .with(Placeholder.TAG, ref.tag() == null ? "" : ref.tag()).with(Placeholder.VALUE, ref.raw()));
    }
  }

  /** {@code run:}: each command of a RUN (its {@code sh -c} strings and heredoc scripts included) that matches. */
  static final class Command extends InstructionMatch {
    private final CommandMatch command;

    Command(CommandMatch command) {
      this.command = command;
    }

    @Override
    int kinds() {
      return RUN;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      if (!(instruction instanceof Run run)) {
        return List.of();
      }
      List<Hit> hits = new ArrayList<>(0);
      if (run.command() instanceof ShellForm shell) {
        ShellScript script = shell.script();
        List<ShellCommand> commands = script.commands();
        for (int i = 0; i < commands.size(); i++) {
          ShellCommand raw = commands.get(i);
          if (CommandMatch.test(command, raw, script, i)) {
            hits.add(Hit.of(raw.range(), true).with(Placeholder.COMMAND, describe(raw.invoked())));
          }
        }
        return hits;
      }
      for (ShellCommand invoked : run.invokedCommands()) {
        if (command.matches(invoked, null, -1)) {
          hits.add(Hit.of(invoked.range(), true).with(Placeholder.COMMAND, describe(invoked)));
        }
      }
      return hits;
    }

    /** The program's name ({@code apt-get}), without its directory. */
    private static String describe(ShellCommand command) {
      return command == null ? "" : command.name();
    }
  }

  /** {@code env:}, {@code label:}, {@code arg:}: each pair whose key (and value) match, variables expanded. */
  static final class Pairs extends InstructionMatch {
    enum Kind { ENV, LABEL, ARG }

    private final Kind kind;
    private final TextMatch key;
    private final TextMatch value;

    Pairs(Kind kind, TextMatch key, TextMatch value) {
      this.kind = kind;
      this.key = key;
      this.value = value;
    }

    @Override
    int kinds() {
      return kind == Kind.ENV ? ENV : kind == Kind.LABEL ? LABEL : ARG;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      List<Hit> hits = new ArrayList<>(0);
      if (kind == Kind.ARG) {
        if (instruction instanceof Arg arg) {
          for (ArgDeclaration declaration : arg.declarations()) {
            String name = declaration.name().text();
            String given = declaration.defaultValue() == null ? null : index.value(instruction, declaration.defaultValue());
            add(hits, declaration.range(), name, given);
          }
        }
        return hits;
      }
      List<KeyValue> pairs = kind == Kind.ENV && instruction instanceof Env env ? env.pairs()
          : kind == Kind.LABEL && instruction instanceof Label label ? label.pairs() : null;
      if (pairs == null) {
        return hits;
      }
      for (KeyValue pair : pairs) {
        String name = key == null ? null : index.value(instruction, pair.key());
        String given = pair.value() == null ? null : value == null ? "" : index.value(instruction, pair.value());
        if (key != null && !key.matches(name) || value != null && !value.matches(given)) {
          continue;
        }
        name = name != null ? name : index.value(instruction, pair.key());
        given = pair.value() == null ? null : value != null ? given : index.value(instruction, pair.value());
        add(hits, pair.range(), name, given);
      }
      return hits;
    }

    private void add(List<Hit> hits, dev.dockerlint.source.SourceRange range, String name, String given) {
      if ((key == null || key.matches(name)) && (value == null || value.matches(given))) {
        hits.add(Hit.of(range, true).with(Placeholder.KEY, name).with(Placeholder.VALUE, given == null ? "" : given));
      }
    }
  }

  /** {@code user:}: the USER's name (and group), variables expanded; {@code numeric} for a UID. */
  static final class UserMatch extends InstructionMatch {
    private final TextMatch name;
    private final TextMatch group;
    private final Boolean numeric;

    UserMatch(TextMatch name, TextMatch group, Boolean numeric) {
      this.name = name;
      this.group = group;
      this.numeric = numeric;
    }

    @Override
    int kinds() {
      return USER;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      if (!(instruction instanceof User user) || user.user() == null) {
        return List.of();
      }
      String value = index.value(instruction, user.user());
      UserSpec spec = UserSpec.parse(value);
      if (name != null && !name.matches(spec.user()) || group != null && !group.matches(spec.group())
          || numeric != null && numeric != spec.isNumeric()) {
        return List.of();
      }
      return List.of(Hit.of(user.user().range(), true).with(Placeholder.VALUE, value));
    }
  }

  /** {@code expose:}: each port ({@code 22}, {@code 8000-8100}) and protocol, variables expanded. */
  static final class Port extends InstructionMatch {
    private final TextMatch port;
    private final TextMatch protocol;

    Port(TextMatch port, TextMatch protocol) {
      this.port = port;
      this.protocol = protocol;
    }

    @Override
    int kinds() {
      return EXPOSE;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      if (!(instruction instanceof Expose expose)) {
        return List.of();
      }
      List<Hit> hits = new ArrayList<>(0);
      for (Token token : expose.ports()) {
        Optional<List<PortSpec>> specs = token.text().indexOf('$') < 0 ? Optional.of(List.of(PortSpec.parse(token.text())))
            : PortSpec.parseExpanded(index.file.scopeAt(instruction), token);
        if (specs.isEmpty()) {
          continue;
        }
        for (PortSpec spec : specs.get()) {
          String number = portPart(spec.raw());
          String proto = spec.protocol() == null ? "tcp" : spec.protocol().toLowerCase(java.util.Locale.ROOT);
          if ((port == null || port.matches(number)) && (protocol == null || protocol.matches(proto))) {
            hits.add(Hit.of(token.range(), true).with(Placeholder.VALUE, spec.raw()));
            break;
          }
        }
      }
      return hits;
    }

    /** {@code 8080/tcp} gives {@code 8080}; {@code 127.0.0.1:80:80} gives {@code 80}. */
    private static String portPart(String raw) {
      String rest = raw;
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        rest = rest.substring(0, slash);
      }
      int colon = rest.lastIndexOf(':');
      return colon >= 0 ? rest.substring(colon + 1) : rest;
    }
  }

  /** {@code add:} and {@code copy:}: each source (and the destination) as written, variables expanded. */
  static final class Transfer extends InstructionMatch {
    private final boolean add;
    private final TextMatch source;
    private final TextMatch destination;

    Transfer(boolean add, TextMatch source, TextMatch destination) {
      this.add = add;
      this.source = source;
      this.destination = destination;
    }

    @Override
    int kinds() {
      return add ? ADD : COPY;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      if (!(add ? instruction instanceof Add : instruction instanceof Copy)) {
        return List.of();
      }
      FileTransfer transfer = (FileTransfer) instruction;
      if (destination != null) {
        String dest = transfer.destination() == null ? null : index.value(instruction, transfer.destination());
        if (!destination.matches(dest)) {
          return List.of();
        }
      }
      List<Hit> hits = new ArrayList<>(0);
      for (Token token : transfer.sources()) {
        String value = index.value(instruction, token);
        if (source == null || source.matches(value)) {
          hits.add(Hit.of(token.range(), true).with(Placeholder.VALUE, value));
          if (source == null) {
            break; // the destination matched: one finding for the instruction
          }
        }
      }
      return hits;
    }
  }

  /**
   * Every part matches; the hits are those of the first part that points inside the instruction
   * (else the instruction itself), with the placeholders every part matched.
   */
  static final class All extends InstructionMatch {
    private final InstructionMatch[] parts;

    All(List<InstructionMatch> parts) {
      this.parts = parts.toArray(new InstructionMatch[0]);
    }

    @Override
    int kinds() {
      int kinds = ANY_KIND;
      for (InstructionMatch part : parts) {
        kinds &= part.kinds();
      }
      return kinds;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      List<List<Hit>> each = new ArrayList<>(parts.length);
      for (InstructionMatch part : parts) {
        List<Hit> hits = part.hits(index, stage, instruction);
        if (hits.isEmpty()) {
          return List.of();
        }
        each.add(hits);
      }
      int chosen = 0;
      for (int i = 0; i < each.size(); i++) {
        if (each.get(i).get(0).specific()) {
          chosen = i;
          break;
        }
      }
      List<Hit> result = new ArrayList<>();
      for (Hit hit : each.get(chosen)) {
        Hit merged = hit;
        for (int i = 0; i < each.size(); i++) {
          if (i != chosen) {
            merged = merged.merged(each.get(i).get(0));
          }
        }
        result.add(merged);
      }
      return result;
    }
  }

  /** Some part matches: the hits of the first that does. */
  static final class Any extends InstructionMatch {
    private final InstructionMatch[] options;

    Any(List<InstructionMatch> options) {
      this.options = options.toArray(new InstructionMatch[0]);
    }

    @Override
    int kinds() {
      int kinds = 0;
      for (InstructionMatch option : options) {
        kinds |= option.kinds();
      }
      return kinds;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      for (InstructionMatch option : options) {
        List<Hit> hits = option.hits(index, stage, instruction);
        if (!hits.isEmpty()) {
          return hits;
        }
      }
      return List.of();
    }
  }

  /** The part does not match: the instruction as a whole is the hit. */
  static final class Not extends InstructionMatch {
    private final InstructionMatch inner;

    Not(InstructionMatch inner) {
      this.inner = inner;
    }

    @Override
    List<Hit> hits(FileIndex index, Stage stage, Instruction instruction) {
      return inner.hits(index, stage, instruction).isEmpty() ? List.of(whole(instruction)) : List.of();
    }
  }
}
