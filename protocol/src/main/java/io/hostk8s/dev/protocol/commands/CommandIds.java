package io.hostk8s.dev.protocol.commands;

import java.util.List;

/**
 * Every command id, in one place. The server registers a command under each server id; clients call them through
 * {@code workspace/executeCommand}, the CLI through its subcommands. The {@code CLIENT_*} ids are the ones a client
 * implements: the server names them (in code lenses) and the client starts the debug session
 * ({@link #CLIENT_DEBUG_SERVICE}) or runs a server command with its progress and result ({@link #CLIENT_RUN}).
 */
public final class CommandIds {
  public static final String STATUS = "hostk8s.status";
  public static final String DOCTOR = "hostk8s.doctor";
  public static final String CONFIG_SHOW = "hostk8s.config.show";
  public static final String CLUSTER_START = "hostk8s.cluster.start";
  public static final String CLUSTER_STOP = "hostk8s.cluster.stop";
  public static final String CLUSTER_STATUS = "hostk8s.cluster.status";
  public static final String SANDBOX_UP = "hostk8s.sandbox.up";
  public static final String SANDBOX_DOWN = "hostk8s.sandbox.down";
  public static final String UP = "hostk8s.up";
  public static final String BUILD = "hostk8s.build";
  public static final String DEPLOY = "hostk8s.deploy";
  public static final String RESTART = "hostk8s.restart";
  public static final String SYNC_START = "hostk8s.sync.start";
  public static final String SYNC_STOP = "hostk8s.sync.stop";
  public static final String SYNC_EXPLAIN = "hostk8s.sync.explain";
  public static final String FORWARD_START = "hostk8s.forward.start";
  public static final String FORWARD_STOP = "hostk8s.forward.stop";
  public static final String FORWARD_LIST = "hostk8s.forward.list";
  public static final String LOGS_FOLLOW = "hostk8s.logs.follow";
  public static final String LOGS_STOP = "hostk8s.logs.stop";
  public static final String RUN_LOCAL = "hostk8s.run.local";
  public static final String RUN_STOP = "hostk8s.run.stop";
  public static final String DEBUG_ENDPOINT = "hostk8s.debug.endpoint";
  public static final String DEV = "hostk8s.dev";
  public static final String DEV_STOP = "hostk8s.dev.stop";
  public static final String PUBLISH_PLAN = "hostk8s.publish.plan";
  public static final String PUBLISH_APPLY = "hostk8s.publish.apply";
  public static final String PUBLISH_STATUS = "hostk8s.publish.status";
  public static final String PUBLISH_TEARDOWN = "hostk8s.publish.teardown";
  public static final String PUBLISH_DOMAIN = "hostk8s.publish.domain";
  public static final String PUBLISH_HISTORY = "hostk8s.publish.history";
  public static final String PUBLISH_ROLLBACK = "hostk8s.publish.rollback";
  public static final String PUBLISH_DATA_PUSH = "hostk8s.publish.data.push";
  public static final String PUBLISH_DATA_PULL = "hostk8s.publish.data.pull";
  public static final String PUBLISH_DEBUG_PLAN = "hostk8s.publish.debug.plan";
  public static final String PUBLISH_DEBUG_START = "hostk8s.publish.debug.start";
  public static final String PUBLISH_DEBUG_STOP = "hostk8s.publish.debug.stop";
  public static final String TARGET_SET = "hostk8s.target.set";

  /** Client-side: start a {@code hostk8s} debug session for the service in the argument {@code {service}}. */
  public static final String CLIENT_DEBUG_SERVICE = "hostk8s.client.debugService";
  /**
   * Client-side: run the server command {@code {command, arguments}} the way the palette runs it (progress while it
   * runs, the result as its {@link ResultView} says, errors with their fixes) — what code lenses name.
   */
  public static final String CLIENT_RUN = "hostk8s.client.run";

  private CommandIds() {}

  /** The server's commands (not the client-side ones), in the order clients list them. */
  public static List<String> server() {
    return List.of(STATUS, DOCTOR, CONFIG_SHOW, CLUSTER_START, CLUSTER_STOP, CLUSTER_STATUS, SANDBOX_UP, SANDBOX_DOWN,
        UP, BUILD, DEPLOY, RESTART, SYNC_START, SYNC_STOP, SYNC_EXPLAIN, FORWARD_START, FORWARD_STOP, FORWARD_LIST, LOGS_FOLLOW,
        LOGS_STOP, RUN_LOCAL, RUN_STOP, DEBUG_ENDPOINT, DEV, DEV_STOP, PUBLISH_PLAN, PUBLISH_APPLY, PUBLISH_STATUS,
        PUBLISH_TEARDOWN, PUBLISH_DOMAIN,
        PUBLISH_HISTORY, PUBLISH_ROLLBACK, PUBLISH_DATA_PUSH, PUBLISH_DATA_PULL,
        PUBLISH_DEBUG_PLAN, PUBLISH_DEBUG_START, PUBLISH_DEBUG_STOP, TARGET_SET);
  }
}
