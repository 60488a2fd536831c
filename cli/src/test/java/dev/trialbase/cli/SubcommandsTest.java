package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the invoked subcommand is built; help, usage and mistakes still see them all. */
class SubcommandsTest {

  private static CommandLine cli(String... args) {
    return Main.commandLine(new Main(), args);
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertThat(cli("runs").getSubcommands()).containsOnlyKeys("runs");
    assertThat(cli("--db", "trials", "trials", "1").getSubcommands()).containsOnlyKeys("trials");
    assertThat(cli("--debug", "best", "1", "--metric", "roc_auc").getSubcommands())
        .containsOnlyKeys("best");
  }

  @Test
  void readingCommandsAreKnownWhereverTheGlobalOptionsStand() {
    assertThat(Subcommands.reads(new String[] {"runs"})).isTrue();
    assertThat(Subcommands.reads(new String[] {"--db", "x.db", "trials", "1"})).isTrue();
    assertThat(Subcommands.reads(new String[] {"--db", "runs", "run", "spec.json"})).isFalse();
    assertThat(Subcommands.reads(new String[] {"resume", "1"})).isFalse();
    assertThat(Subcommands.reads(new String[] {"help", "runs"})).isFalse();
    assertThat(Subcommands.reads(new String[] {})).isFalse();
  }

  @Test
  void helpUsageAndUnknownWordsGetEverySubcommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help"}, {"help", "runs"},
        {"rnus"}, {"--db", "x.db"}, {"--", "runs"}}) {
      assertThat(cli(args).getSubcommands().keySet()).as(String.join(" ", args))
          .containsExactlyElementsOf(Subcommands.names());
    }
  }

  @Test
  void usageListsEverySubcommand() {
    CliRunner.Result r = CliRunner.run("--help");
    assertThat(r.exitCode()).isZero();
    for (String name : Subcommands.names()) {
      assertThat(r.out()).containsPattern("(?m)^\\s+" + name + "\\s");
    }
  }
}
