package io.hostk8s.dev.cli;

import io.hostk8s.dev.error.HostK8sException;
import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** The one place where failures become CLI output: message and fixes on stderr, exit code 1. */
public final class CliErrors implements IExecutionExceptionHandler {
  private static final Logger LOG = Logger.getLogger(CliErrors.class.getName());
  public static final int FAILURE = 1;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    print(ex, cmd.getErr());
    return FAILURE;
  }

  public static void print(Throwable failure, PrintWriter err) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    HostK8sException e = t instanceof HostK8sException h ? h : HostK8sException.internal(String.valueOf(t.getMessage()), t);
    if (!e.userError()) {
      LOG.log(Level.SEVERE, e.getMessage(), t);
    }
    err.println("error [" + e.code().code() + " " + e.code().name() + "]: " + e.getMessage());
    for (String s : e.suggestions()) {
      err.println("  fix: " + s);
    }
    err.flush();
  }
}
