package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfig;
import io.apex.temporal.ingestion.AccessKey;
import io.apex.temporal.ingestion.AccessKeys;
import io.apex.temporal.ingestion.IngestionComponents;
import io.apex.temporal.ingestion.IngestionSettings;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Creates, revokes and lists the memory service's API keys in the store. A key is printed once,
 * when it is created; the store keeps only its hash. The first key ends the loopback-only mode.
 */
@Command(
    name = "api-key",
    description = "Create, revoke or list the memory service's API keys.",
    subcommands = {
      ApiKeyCommand.Create.class,
      ApiKeyCommand.Revoke.class,
      ApiKeyCommand.ListKeys.class
    })
final class ApiKeyCommand {

  /** Opens the store of the settings for one key operation. */
  abstract static class KeyOperation extends ConfiguredCommand {
    KeyOperation(ConfigLoadResult settings) {
      super(settings);
    }

    @Override
    final int run(TemporalConfig config) throws Exception {
      try (IngestionComponents components =
          IngestionComponents.start(IngestionSettings.of(config))) {
        return run(components.accessKeys(), out());
      }
    }

    abstract int run(AccessKeys keys, PrintWriter out);
  }

  @Command(name = "create", description = "Create a key and print it (the only time it is shown).")
  static final class Create extends KeyOperation {
    @Option(
        names = "--name",
        required = true,
        description = "A name for the key (unique among active keys).")
    String name;

    @Option(
        names = "--scope",
        required = true,
        description = "read (documents, search, entities) or write (also upload and delete).")
    String scope;

    Create(ConfigLoadResult settings) {
      super(settings);
    }

    @Override
    int run(AccessKeys keys, PrintWriter out) {
      AccessKeys.CreatedKey created;
      try {
        created = keys.create(name, scope);
      } catch (IllegalArgumentException e) {
        err().println(e.getMessage());
        return ExitCodes.BAD_SETTINGS;
      }
      out.println(created.secret());
      out.flush();
      err()
          .println(
              "created key "
                  + created.key().keyId()
                  + " '"
                  + created.key().name()
                  + "' with scope "
                  + created.key().scope()
                  + "; it is shown only now: keep it (clients send it as Authorization: Bearer KEY)");
      err().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "revoke", description = "Revoke the active key of this name or ID.")
  static final class Revoke extends KeyOperation {
    @Parameters(index = "0", paramLabel = "NAME_OR_ID")
    String nameOrId;

    Revoke(ConfigLoadResult settings) {
      super(settings);
    }

    @Override
    int run(AccessKeys keys, PrintWriter out) {
      if (!keys.revoke(nameOrId)) {
        err().println("no active key is named or has the ID '" + Printable.of(nameOrId) + "'");
        return ExitCodes.FAILED;
      }
      out.println("revoked " + Printable.of(nameOrId));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", description = "List the keys (never the keys themselves).")
  static final class ListKeys extends KeyOperation {
    ListKeys(ConfigLoadResult settings) {
      super(settings);
    }

    @Override
    int run(AccessKeys keys, PrintWriter out) {
      for (AccessKey key : keys.list()) {
        out.println(
            key.keyId()
                + " "
                + key.name()
                + " "
                + key.scope()
                + " created "
                + key.createdAt()
                + key.revokedAt().map(at -> " revoked " + at).orElse(""));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
