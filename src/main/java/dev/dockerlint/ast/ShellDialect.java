package dev.dockerlint.ast;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell a RUN's script runs in, as far as the Dockerfile tells: the stage's {@code SHELL}
 * (inherited through {@code FROM <stage>}), else a {@code # hadolint shell=NAME} (or
 * {@code # dockerlint shell=NAME}) pragma, else {@code /bin/sh}. A pragma before the first FROM
 * sets the shell of every stage; inside a stage it holds from its line on, like a SHELL there.
 * {@code /bin/sh} is busybox ash on Alpine and busybox images and a POSIX sh such as dash elsewhere.
 */
public enum ShellDialect {
  /** A POSIX sh of unknown make: dash on Debian and Ubuntu. */
  SH,
  DASH,
  /** busybox ash: Alpine's and busybox's {@code /bin/sh}. */
  BUSYBOX,
  BASH,
  /** ksh and mksh. */
  KSH,
  ZSH,
  /** pwsh, powershell, cmd or another program that is not a POSIX shell. */
  OTHER;

  private static final Pattern PRAGMA =
      Pattern.compile("^(?:hadolint|dockerlint)\\s+shell\\s*=\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

  /** Whether scripts run by a POSIX sh without bash's extensions (dash, busybox ash). */
  public boolean isPlainSh() {
    return this == SH || this == DASH || this == BUSYBOX;
  }

  /**
   * The dialect of a shell program run from a script of this dialect ({@code sh -c}, a heredoc's
   * shebang): on a busybox image {@code sh} is busybox's too.
   */
  public ShellDialect shellNamed(String program) {
    return ofProgram(program, this == BUSYBOX);
  }

  /**
   * The dialect of a shell program ({@code /bin/bash}, {@code bash}, {@code C:\...\pwsh.exe}).
   *
   * @param busyboxImage whether {@code sh} and {@code ash} are busybox's there (Alpine, busybox)
   */
  public static ShellDialect ofProgram(String program, boolean busyboxImage) {
    String path = program.replace('\\', '/');
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".exe")) {
      return OTHER;
    }
    return switch (name) {
      case "sh", "ash" -> busyboxImage ? BUSYBOX : SH;
      case "busybox" -> BUSYBOX;
      case "dash" -> DASH;
      case "posh", "yash" -> SH;
      case "bash" -> BASH;
      case "ksh", "mksh", "ksh93" -> KSH;
      case "zsh" -> ZSH;
      default -> OTHER;
    };
  }

  /**
   * The dialect of every RUN of the file, top-level and ONBUILD triggers alike (keyed by the
   * {@link Run} itself, by identity), worked out in one pass over the stages.
   */
  public static Map<Run, ShellDialect> ofRuns(Dockerfile file) {
    Map<Run, ShellDialect> result = new IdentityHashMap<>();
    List<Comment> comments = file.comments();
    List<Stage> stages = file.stages();
    String[] stageEnd = new String[stages.size()];
    int c = 0;
    String fileDefault = null;
    int firstFrom = stages.isEmpty() ? Integer.MAX_VALUE : stages.get(0).from().range().startLine();
    for (; c < comments.size() && comments.get(c).range().startLine() < firstFrom; c++) {
      String named = pragma(comments.get(c));
      fileDefault = named != null ? named : fileDefault;
    }
    for (int s = 0; s < stages.size(); s++) {
      Stage stage = stages.get(s);
      boolean busybox = busyboxImage(file, stage);
      String program = stage.isBuiltOnStage() && stage.baseStage() < s ? stageEnd[stage.baseStage()]
          : fileDefault != null ? fileDefault : "/bin/sh";
      int nextFrom = s + 1 < stages.size() ? stages.get(s + 1).from().range().startLine() : Integer.MAX_VALUE;
      for (Instruction instruction : stage.instructions()) {
        int line = instruction.range().startLine();
        for (; c < comments.size() && comments.get(c).range().startLine() < line; c++) {
          String named = pragma(comments.get(c));
          program = named != null ? named : program;
        }
        if (instruction instanceof Shell shell && shell.command() instanceof ExecForm exec
            && !exec.arguments().isEmpty()) {
          program = exec.arguments().get(0).text();
        }
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        if (target instanceof Run run) {
          result.put(run, ofProgram(program, busybox));
        }
      }
      // pragmas after the stage's last instruction, up to the next FROM, still belong to it
      for (; c < comments.size() && comments.get(c).range().startLine() < nextFrom; c++) {
        String named = pragma(comments.get(c));
        program = named != null ? named : program;
      }
      stageEnd[s] = program;
    }
    return result;
  }

  /**
   * The dialect of a heredoc script that starts with a shebang ({@code #!/usr/bin/env bash}),
   * run from a script of this dialect; {@link #OTHER} for another interpreter (python, node).
   */
  public ShellDialect ofShebang(String script) {
    int newline = script.indexOf('\n');
    String[] words = script.substring(2, newline < 0 ? script.length() : newline).strip().split("[ \t]+");
    int i = 0;
    if (words.length > 0 && (words[0].endsWith("/env") || words[0].equals("env"))) {
      i++;
      while (i < words.length && words[i].startsWith("-")) {
        i++;
      }
    }
    return i < words.length && !words[i].isEmpty() ? shellNamed(words[i]) : OTHER;
  }

  /**
   * Which shell runs each part of a shell-form command whose stage runs this dialect: a heredoc
   * body a shell reads (or the body of a command of heredocs alone) runs in that shell, or in
   * its shebang's program; the string of {@code bash -c '...'} runs in bash; the rest in this
   * dialect. Worked out once per command, for lookups by range.
   */
  public Regions regions(ShellForm form) {
    return new Regions(this, form);
  }

  /** The parts of a command run by another shell than its stage's (see {@link #regions}). */
  public static final class Regions {
    private final ShellDialect outer;
    private final List<SourceRange> ranges = new java.util.ArrayList<>();
    private final List<ShellDialect> dialects = new java.util.ArrayList<>();

    Regions(ShellDialect outer, ShellForm form) {
      this.outer = outer;
      boolean alone = form.onlyHeredocs();
      for (Heredoc heredoc : form.heredocs()) {
        ShellDialect body;
        if (alone) {
          body = outer;
        } else {
          ShellCommand reader = form.shellReading(heredoc);
          body = reader == null ? OTHER : outer.shellNamed(reader.name());
        }
        if (body != OTHER && heredoc.body().startsWith("#!")) {
          body = body.ofShebang(heredoc.body());
        }
        ranges.add(heredoc.bodyRange());
        dialects.add(body);
      }
      for (ShellCommand command : form.script().commands()) {
        ShellCommand program = command.unwrapped();
        Word script = program.scriptWord();
        if (script != null) {
          ranges.add(script.range());
          dialects.add(program.is("su") ? SH : outer.shellNamed(program.name()));
        }
      }
    }

    /** The dialect that runs the text at {@code range}: that of the innermost part holding it. */
    public ShellDialect at(SourceRange range) {
      ShellDialect found = outer;
      SourceRange innermost = null;
      for (int i = 0; i < ranges.size(); i++) {
        SourceRange r = ranges.get(i);
        if (r.contains(range) && (innermost == null || innermost.contains(r))) {
          innermost = r;
          found = dialects.get(i);
        }
      }
      return found;
    }
  }

  private static String pragma(Comment comment) {
    Matcher m = PRAGMA.matcher(comment.text());
    return m.find() ? m.group(1) : null;
  }

  /** Whether the stage's chain of stages starts from an Alpine or busybox image. */
  private static boolean busyboxImage(Dockerfile file, Stage stage) {
    ImageRef root = file.rootImage(stage).orElse(null);
    if (root == null) {
      return false;
    }
    String name = root.baseName().toLowerCase(Locale.ROOT);
    String tag = root.tagValue().orElse("").toLowerCase(Locale.ROOT);
    return name.equals("alpine") || name.equals("busybox") || tag.contains("alpine");
  }
}
