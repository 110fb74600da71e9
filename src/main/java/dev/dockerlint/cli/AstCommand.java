package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.BuildkitDump;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.parse.ParsedSyntax;
import dev.dockerlint.parse.SyntaxParser;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ast", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Print the parsed Dockerfile (a debugging aid).",
        "json: instructions with flags, arguments, ranges, stages, variables and shell commands.",
        "buildkit: the text form of BuildKit's parser tests, to compare with Docker's own parser."})
final class AstCommand implements Callable<Integer> {
  private final Main.Environment env;

  @Parameters(paramLabel = "FILE", description = "the Dockerfile ('-' for stdin)")
  String file;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "json (default) or buildkit")
  String format = "json";

  AstCommand(Main.Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    List<Inputs.Input> inputs = Inputs.expand(List.of(file), env.workingDir()).inputs();
    Inputs.Input input = inputs.get(0);
    if (input.error() != null || inputs.size() != 1) {
      env.err().println("dockerlint: " + file + ": " + (input.error() != null ? input.error() : "expected one file"));
      return Main.ERROR;
    }
    Inputs.Loaded loaded = Inputs.read(input, env.in());
    if (loaded.error() != null) {
      env.err().println("dockerlint: " + file + ": " + loaded.error());
      return Main.ERROR;
    }
    switch (format.toLowerCase(Locale.ROOT)) {
      case "buildkit" -> {
        ParsedSyntax syntax = SyntaxParser.parse(new SourceText(loaded.text()));
        for (SyntaxError error : syntax.errors()) {
          if (error.fatal()) {
            env.err().println(file + ":" + error.range().start() + ": syntax-error: " + error.message());
            return Main.FINDINGS;
          }
        }
        env.out().print(BuildkitDump.dump(syntax));
      }
      case "json" -> env.out().print(AstJson.render(masked(DockerfileParser.parse(input.displayPath(), loaded.text()))));
      default -> {
        env.err().println("dockerlint: unknown ast format '" + Messages.cut(format) + "'; expected json or buildkit");
        return Main.ERROR;
      }
    }
    env.out().flush();
    return Main.OK;
  }

  /**
   * The file parsed again from its text with its secrets masked, as every report shows it. A mask
   * keeps the length of what it covers, so ranges are unchanged.
   */
  private static Dockerfile masked(Dockerfile file) {
    List<Rule> secretRules = new ArrayList<>();
    for (Rule rule : BuiltinRules.all()) {
      if (rule.findsSecrets()) {
        secretRules.add(rule);
      }
    }
    List<SourceRange> secrets = new Linter(secretRules, LintSettings.DEFAULTS).check(file, null).redactions();
    return secrets.isEmpty() ? file : DockerfileParser.parse(file.path(), file.source().masked(secrets).text());
  }
}
