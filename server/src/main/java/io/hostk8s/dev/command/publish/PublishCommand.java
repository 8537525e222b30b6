package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.ResultView;
import java.util.function.Predicate;

/**
 * What every publish command shares: the "Publish" palette group, its arguments record, the consent gate of the
 * commands that change what bills or what the published app runs (7000-series CLOUD_CONSENT_NEEDED without
 * {@code yes}), and the progress of the long ones — begun before the work, ended with the outcome's summary or
 * with the failure text. Subclasses say what they are in the constructor and do their work in {@link #execute}.
 */
abstract class PublishCommand<A extends Record> implements Command {
  /** A command's result and the one-line summary its progress ends with. */
  record Done(Object result, String summary) {}

  private final String id;
  private final String title;
  private final Class<A> argType;
  private final ResultView view;
  private String progressTitle;
  private String failedText;
  private Predicate<A> consented;
  private String consentWhy;
  private String consentHow;

  protected PublishCommand(String id, String title, Class<A> argType, ResultView view) {
    this.id = id;
    this.title = title;
    this.argType = argType;
    this.view = view;
  }

  /** Long-running: reports progress under {@code title} and ends it with {@code failed} when the work fails. */
  protected final void progress(String title, String failed) {
    this.progressTitle = title;
    this.failedText = failed;
  }

  /**
   * Refuses to run unless {@code yes} holds for the arguments: the error says {@code why} ("… and needs your
   * consent.") and suggests {@code how} to give it.
   */
  protected final void consent(Predicate<A> yes, String why, String how) {
    this.consented = yes;
    this.consentWhy = why;
    this.consentHow = how;
  }

  /** The work, with the arguments read; {@code Done.summary} ends the progress of a long-running command. */
  protected abstract Done execute(CommandContext ctx, A args) throws Exception;

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final String category() {
    return "Publish";
  }

  @Override
  public final boolean longRunning() {
    return progressTitle != null;
  }

  @Override
  public final Class<? extends Record> arguments() {
    return argType;
  }

  @Override
  public final ResultView view() {
    return view;
  }

  @Override
  public final Object run(CommandContext ctx) throws Exception {
    A args = ctx.args().as(argType);
    if (consented != null && !consented.test(args)) {
      throw HostK8sException.user(ErrorCode.CLOUD_CONSENT_NEEDED, consentWhy + ", and needs your consent.", consentHow);
    }
    if (progressTitle == null) {
      return execute(ctx, args).result();
    }
    ctx.progress().begin(progressTitle);
    try {
      Done done = execute(ctx, args);
      ctx.progress().end(done.summary());
      return done.result();
    } catch (Exception e) {
      ctx.progress().end(failedText);
      throw e;
    }
  }

  /** For {@link #consent}: the {@code yes} flag of an arguments record, absent meaning no. */
  static boolean yes(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }
}
