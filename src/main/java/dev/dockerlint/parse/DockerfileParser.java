package dev.dockerlint.parse;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.source.SourceText;

/** Parses a Dockerfile into its syntax and build model. Never throws on any input. */
public final class DockerfileParser {
  private DockerfileParser() {}

  public static Dockerfile parse(String path, String text) {
    SourceText source = new SourceText(text);
    ParsedSyntax syntax = SyntaxParser.parse(source);
    BuildModel model = new BuildModel(syntax.instructions(), syntax.escape());
    return new Dockerfile(path, source, syntax.directives(), syntax.escape(), model.instructions,
        syntax.comments(), syntax.errors(), syntax.emptyContinuations(), model.stages, model.scopes);
  }
}
