package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.shell.Expansion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An ADD source that BuildKit fetches over the network instead of reading the build context: an
 * {@code http://} or {@code https://} file, or a git repository. Git sources are told apart as
 * BuildKit's git reference parser does: {@code git://}, {@code ssh://}, {@code user@host:path}, or
 * an http(s) URL whose path ends in {@code .git}; its fragment {@code #ref[:subdir]} or query
 * ({@code ?ref=...&checksum=...}) selects what is checked out.
 *
 * @param url the source with ARG and ENV values expanded
 * @param known false when the source uses a variable without a value, so its ref is not known
 */
record RemoteSource(Add add, Token token, String url, Kind kind, boolean known) {
  enum Kind {
    /** A file over plain {@code http://}. */
    HTTP,
    /** A file over {@code https://}. */
    HTTPS,
    /** A git repository, whatever its transport. */
    GIT
  }

  /** Query keys that select the commit of a git source and are safe to show. */
  private static final Set<String> GIT_QUERY_KEYS = Set.of("ref", "tag", "branch", "checksum", "commit", "subdir",
      "submodules", "keep-git-dir");
  private static final int SHOWN = 160;

  /** Every remote source of every ADD, ONBUILD ADD triggers included, in file order. */
  static List<RemoteSource> of(Dockerfile file) {
    List<RemoteSource> result = new ArrayList<>();
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        if (target instanceof Add add) {
          Scope scope = file.scopeAt(instruction);
          for (Token source : add.sources()) {
            if (source.text().startsWith("<<")) {
              continue; // a heredoc
            }
            String url = source.text();
            boolean known = url.indexOf('$') < 0;
            if (target == instruction) {
              Expansion expansion = scope.expand(source.text());
              known = expansion.error() == null;
              for (String name : expansion.references()) {
                known &= scope.hasValue(name);
              }
              url = expansion.error() == null ? expansion.value() : source.text();
            } // an ONBUILD trigger is expanded in the child build: taken as written
            Kind kind = kind(url);
            if (kind != null) {
              result.add(new RemoteSource(add, source, url, kind, known));
            }
          }
        }
      }
    }
    return result;
  }

  /** What BuildKit makes of an ADD source, or null for a path in the build context. */
  static Kind kind(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("git://") || lower.startsWith("ssh://") || isScpLike(source)) {
      return Kind.GIT;
    }
    boolean http = source.startsWith("http://");
    boolean https = source.startsWith("https://");
    if (!http && !https) {
      return null; // BuildKit matches the scheme case-sensitively: HTTP://x is a local path
    }
    return path(source).endsWith(".git") ? Kind.GIT : http ? Kind.HTTP : Kind.HTTPS;
  }

  /** {@code git@github.com:org/repo.git}: user, host, a colon, then a path (not a Windows drive or a port). */
  private static boolean isScpLike(String source) {
    int at = source.indexOf('@');
    int colon = source.indexOf(':');
    if (at <= 0 || colon < at + 2 || source.indexOf('/') >= 0 && source.indexOf('/') < colon) {
      return false;
    }
    return colon + 1 < source.length() && source.charAt(colon + 1) != '/' && !Character.isDigit(source.charAt(colon + 1));
  }

  /** The URL without its fragment and query. */
  private static String path(String url) {
    int end = url.length();
    int hash = url.indexOf('#');
    int query = url.indexOf('?');
    if (hash >= 0) {
      end = hash;
    }
    if (query >= 0 && query < end) {
      end = query;
    }
    return url.substring(0, end);
  }

  /** The {@code --checksum} flag, when it has a value. */
  Optional<Flag> checksum() {
    for (Flag flag : add.flags("checksum")) {
      if (flag.value() != null && !flag.value().isBlank()) {
        return Optional.of(flag);
      }
    }
    return Optional.empty();
  }

  /**
   * For a git source, the ref it checks out ({@code v1.2} in {@code repo.git#v1.2:docs} or
   * {@code repo.git?tag=v1.2}); empty for the default branch.
   */
  Optional<String> gitRef() {
    int hash = url.indexOf('#');
    if (hash >= 0) {
      String fragment = url.substring(hash + 1);
      int colon = fragment.indexOf(':');
      String ref = colon >= 0 ? fragment.substring(0, colon) : fragment;
      if (!ref.isEmpty()) {
        return Optional.of(ref);
      }
    }
    for (String key : new String[] {"ref", "tag", "branch"}) {
      Optional<String> value = queryValue(key);
      if (value.isPresent() && !value.get().isEmpty()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /**
   * A git source pinned to a commit: a ref that is a commit hash (at least 7 hex digits), a
   * {@code checksum=} or {@code commit=} query, or {@code --checksum}.
   */
  boolean pinnedToCommit() {
    if (checksum().isPresent()) {
      return true;
    }
    Optional<String> ref = gitRef();
    if (ref.isPresent() && isHex(ref.get())) {
      return true;
    }
    Optional<String> checksum = queryValue("checksum");
    Optional<String> commit = queryValue("commit");
    return checksum.isPresent() && isHex(checksum.get()) || commit.isPresent() && isHex(commit.get());
  }

  private Optional<String> queryValue(String key) {
    int query = url.indexOf('?');
    if (query < 0) {
      return Optional.empty();
    }
    int hash = url.indexOf('#', query);
    String text = url.substring(query + 1, hash >= 0 ? hash : url.length());
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return Optional.of(pair.substring(eq + 1));
      }
    }
    return Optional.empty();
  }

  private static boolean isHex(String text) {
    if (text.length() < 7 || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The URL as a message may quote it: a user name or password before the host becomes
   * {@code ****}, the values of a query other than a git source's ref keys become {@code ...}
   * (they may hold tokens), and it is cut at {@value #SHOWN} characters.
   */
  String display() {
    String shown = url;
    int scheme = shown.indexOf("://");
    int hostStart = scheme >= 0 ? scheme + 3 : 0;
    int hostEnd = shown.length();
    for (int i = hostStart; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        hostEnd = i;
        break;
      }
    }
    int at = shown.lastIndexOf('@', hostEnd - 1);
    if (scheme >= 0 && at >= hostStart) {
      shown = shown.substring(0, hostStart) + "****" + shown.substring(at);
    }
    int query = shown.indexOf('?');
    if (query >= 0) {
      int hash = shown.indexOf('#', query);
      String rest = hash >= 0 ? shown.substring(hash) : "";
      StringBuilder kept = new StringBuilder();
      for (String pair : shown.substring(query + 1, hash >= 0 ? hash : shown.length()).split("&", -1)) {
        int eq = pair.indexOf('=');
        String key = eq >= 0 ? pair.substring(0, eq) : pair;
        kept.append(kept.length() == 0 ? "?" : "&")
            .append(kind == Kind.GIT && GIT_QUERY_KEYS.contains(key) || eq < 0 ? pair : key + "=...");
      }
      shown = shown.substring(0, query) + kept + rest;
    }
    return shown.length() > SHOWN ? shown.substring(0, SHOWN) + "..." : shown;
  }
}
