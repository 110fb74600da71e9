package dev.dockerlint.compose;

import dev.dockerlint.source.SourceText;
import java.nio.file.Path;

/**
 * A file a compose project was read from.
 *
 * @param path as reports name it
 * @param location where it is on disk, or null (stdin)
 */
public record ComposeSource(String path, Path location, SourceText text) {}
