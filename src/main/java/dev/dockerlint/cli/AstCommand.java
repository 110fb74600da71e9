package dev.dockerlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.parse.BuildkitDump;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.parse.ParsedSyntax;
import dev.dockerlint.parse.SyntaxParser;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
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
    List<Inputs.Input> inputs = Inputs.expand(List.of(file), env.workingDir());
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
      case "json" -> env.out().print(json(DockerfileParser.parse(input.displayPath(), loaded.text())));
      default -> {
        env.err().println("dockerlint: unknown ast format '" + format + "'; expected json or buildkit");
        return Main.ERROR;
      }
    }
    env.out().flush();
    return Main.OK;
  }

  private static String json(Dockerfile file) throws Exception {
    // ranges print as "line:col-line:col" (end exclusive) to keep the dump readable
    SimpleModule compact = new SimpleModule()
        .addSerializer(SourceRange.class, ToStringSerializer.instance)
        .addSerializer(Position.class, ToStringSerializer.instance);
    ObjectMapper mapper = new ObjectMapper().registerModule(compact).enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("path", file.path());
    root.put("escape", String.valueOf(file.escape()));
    root.set("directives", mapper.valueToTree(file.directives()));
    ArrayNode instructions = root.putArray("instructions");
    for (Instruction instruction : file.instructions()) {
      ObjectNode node = instructions.addObject();
      node.put("instruction", instruction.getClass().getSimpleName().toUpperCase(Locale.ROOT));
      node.setAll((ObjectNode) mapper.valueToTree(instruction));
      ObjectNode vars = node.putObject("variables");
      for (Variable v : file.scopeAt(instruction).variables().values()) {
        if (v.kind() != Variable.Kind.PREDEFINED) {
          vars.put(v.name(), v.value());
        }
      }
    }
    ArrayNode stages = root.putArray("stages");
    for (Stage stage : file.stages()) {
      ObjectNode node = stages.addObject();
      node.put("index", stage.index());
      node.put("name", stage.name());
      node.put("baseStage", stage.baseStage());
      node.set("baseImage", mapper.valueToTree(stage.baseImage()));
      node.put("firstLine", stage.from().range().startLine());
      node.put("final", stage.index() == file.stages().size() - 1);
      node.put("effectiveUser", file.effectiveUser(stage).map(u -> file.scopeAt(u).resolve(u.user())).orElse(null));
    }
    root.set("comments", mapper.valueToTree(file.comments()));
    root.set("syntaxErrors", mapper.valueToTree(file.syntaxErrors()));
    return mapper.writeValueAsString(root) + "\n";
  }
}
