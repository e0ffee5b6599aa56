package io.asyncws.generator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code asyncws} command: only subcommands do work ({@code generate} comes next). */
@Command(
    name = "asyncws",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validates AsyncAPI 2.0-3.1 documents and generates typed Java WebSocket code from them.",
    subcommands = {ValidateCommand.class, GenerateCommand.class})
final class AsyncWsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'asyncws validate FILE...'.");
  }
}
