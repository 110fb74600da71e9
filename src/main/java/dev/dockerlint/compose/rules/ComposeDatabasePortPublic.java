package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Map;

/**
 * A database's port published on every interface of the host: reachable from the network the
 * host is on, not only from the other services. Off by default: a local development setup does it on
 * purpose.
 */
public final class ComposeDatabasePortPublic implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-database-port-public", Severity.WARNING,
      "A database port is published on every interface of the host").withTags("security").security(5.5)
      .offByDefault();
  private static final Map<String, String> DATABASES = Map.ofEntries(Map.entry("5432", "PostgreSQL"),
      Map.entry("3306", "MySQL"), Map.entry("1433", "SQL Server"), Map.entry("1521", "Oracle"),
      Map.entry("27017", "MongoDB"), Map.entry("6379", "Redis"), Map.entry("11211", "Memcached"),
      Map.entry("9200", "Elasticsearch"), Map.entry("9042", "Cassandra"), Map.entry("5984", "CouchDB"),
      Map.entry("8086", "InfluxDB"), Map.entry("7687", "Neo4j"), Map.entry("26257", "CockroachDB"),
      Map.entry("28015", "RethinkDB"), Map.entry("8529", "ArangoDB"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      for (Service.Port port : service.ports()) {
        String database = DATABASES.get(port.target());
        boolean everywhere = port.hostIp().isEmpty() || port.hostIp().equals("0.0.0.0") || port.hostIp().equals("::");
        if (database != null && everywhere) {
          context.report(port.node(), service.describe() + " publishes " + database + "'s port " + port.target()
              + " on every interface of the host; publish it on 127.0.0.1 only (127.0.0.1:"
              + (port.published().isEmpty() ? port.target() : port.published()) + ":" + port.target()
              + "), or not at all: the other services reach it over the project's network");
        }
      }
    }
  }
}
