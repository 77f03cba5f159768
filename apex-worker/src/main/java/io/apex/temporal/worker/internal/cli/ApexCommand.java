package io.apex.temporal.worker.internal.cli;

import io.apex.temporal.client.BadSettingException;
import io.apex.temporal.config.ConfigLoadResult;
import io.apex.temporal.config.TemporalConfigLoader;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of the worker jar. With no command it runs the worker. */
@Command(
    name = "apex-worker",
    mixinStandardHelpOptions = true,
    versionProvider = ApexCommand.Version.class,
    description = "The Apex Temporal worker and its example commands.",
    subcommands = {
      WorkerCommand.class,
      GreetCommand.class,
      GreetWithRetryCommand.class,
      QueryStatusCommand.class,
      ConfigCommand.class,
      IngestCommand.class,
      StatusCommand.class,
      SearchCommand.class,
      ApiCommand.class,
      ApiKeyCommand.class
    })
public final class ApexCommand {
  private static final Logger log = LoggerFactory.getLogger(ApexCommand.class);

  public static void main(String[] args) {
    System.exit(execute(args, TemporalConfigLoader.fromProcess().load()));
  }

  /** Runs one command line against already-loaded settings and returns the exit status. */
  public static int execute(String[] args, ConfigLoadResult settings) {
    return commandLine(settings).execute(args.length == 0 ? new String[] {"worker"} : args);
  }

  public static CommandLine commandLine(ConfigLoadResult settings) {
    Map<Class<?>, Function<ConfigLoadResult, Object>> commands =
        Map.ofEntries(
            Map.entry(WorkerCommand.class, WorkerCommand::new),
            Map.entry(GreetCommand.class, GreetCommand::new),
            Map.entry(GreetWithRetryCommand.class, GreetWithRetryCommand::new),
            Map.entry(QueryStatusCommand.class, QueryStatusCommand::new),
            Map.entry(ConfigCommand.class, ConfigCommand::new),
            Map.entry(IngestCommand.class, IngestCommand::new),
            Map.entry(StatusCommand.class, StatusCommand::new),
            Map.entry(SearchCommand.class, SearchCommand::new),
            Map.entry(ApiCommand.class, ApiCommand::new),
            Map.entry(ApiKeyCommand.Create.class, ApiKeyCommand.Create::new),
            Map.entry(ApiKeyCommand.Revoke.class, ApiKeyCommand.Revoke::new),
            Map.entry(ApiKeyCommand.ListKeys.class, ApiKeyCommand.ListKeys::new));
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            Function<ConfigLoadResult, Object> command = commands.get(type);
            return command == null
                ? CommandLine.defaultFactory().create(type)
                : type.cast(command.apply(settings));
          }
        };
    return new CommandLine(new ApexCommand(), factory)
        .setExecutionExceptionHandler(ApexCommand::reportFailure)
        .setParameterExceptionHandler(ApexCommand::reportUsageError);
  }

  /** A bad command line is one line too, pointing at the help rather than printing all of it. */
  private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    commandLine
        .getErr()
        .println(
            e.getMessage() + " (see " + commandLine.getCommandSpec().qualifiedName() + " --help)");
    commandLine.getErr().flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * A command that fails says so in one line: exit 2 for a setting or file that proved unusable, 1
   * otherwise (an unreachable server, say). The stack trace goes to the DEBUG log only.
   */
  private static int reportFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine.getErr().println(StartupErrors.describe(e));
    commandLine.getErr().flush();
    log.debug("{} failed", commandLine.getCommandName(), e);
    return e instanceof BadSettingException ? ExitCodes.BAD_SETTINGS : ExitCodes.FAILED;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ApexCommand.class.getPackage().getImplementationVersion();
      return new String[] {"apex-worker " + (version == null ? "(development build)" : version)};
    }
  }
}
