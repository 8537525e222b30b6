package io.hostk8s.dev.engine;

import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DevArgs;
import io.hostk8s.dev.protocol.commands.args.DevStopArgs;
import io.hostk8s.dev.protocol.commands.args.ForwardStopArgs;
import io.hostk8s.dev.protocol.commands.args.ForwardStartArgs;
import io.hostk8s.dev.protocol.commands.args.LogsFollowArgs;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.util.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lasting work a front end started through the workspace's engine — sync sessions, forwards, log follows, dev
 * runs, the debug adapter — so it can start it again in the next engine after its owner went away. Work leaves the
 * book when this front end stops it, or when the engine says it ended ({@code sync.stopped}, {@code forward.closed},
 * {@code logs.stop}, {@code dev.stopped}): work someone stopped is not brought back. Local runs are not kept: they are
 * the owner's child processes and end (or are orphaned) with it.
 */
final class StartedWork {
  private static final Logger LOG = Logger.getLogger(StartedWork.class.getName());

  /** One piece of work: its words ("sync vote") and the command that starts it again. */
  record Entry(String words, String commandId, CommandArgs args) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** After {@code commandId} succeeded with {@code result}: books the work it started, forgets the work it stopped. */
  synchronized void executed(String commandId, CommandArgs args, Object result) {
    try {
      switch (commandId) {
        case CommandIds.SYNC_START -> put("sync " + args.as(ServiceArgs.class).service(), commandId, args);
        case CommandIds.SYNC_STOP -> entries.remove("sync " + args.as(ServiceArgs.class).service());
        case CommandIds.FORWARD_START -> {
          JsonObject f = Json.GSON.toJsonTree(result).getAsJsonObject();
          put("forward " + f.get("service").getAsString() + "/" + f.get("name").getAsString(), commandId, args);
        }
        case CommandIds.FORWARD_STOP -> {
          ForwardStopArgs a = args.as(ForwardStopArgs.class);
          String name = a.name();
          String prefix = "forward " + a.service() + "/";
          entries.keySet().removeIf(k -> name == null ? k.startsWith(prefix) : k.equals(prefix + name));
        }
        case CommandIds.LOGS_FOLLOW -> {
          LogsFollowArgs a = args.as(LogsFollowArgs.class);
          if (!Boolean.FALSE.equals(a.follow())) { // again without history: the IDE has those lines already
            put("logs -f " + a.service(), commandId, CommandArgs.of(new LogsFollowArgs(a.service(), 0, true)));
          }
        }
        case CommandIds.LOGS_STOP -> entries.remove("logs -f " + args.as(ServiceArgs.class).service());
        case CommandIds.DEV -> {
          DevArgs a = args.as(DevArgs.class);
          String run = Json.GSON.toJsonTree(result).getAsJsonObject().get("run").getAsString();
          put("dev " + run, commandId, CommandArgs.of(new DevArgs(a.sandbox(), a.noLogs(), run)));
        }
        case CommandIds.DEV_STOP -> {
          String run = args.as(DevStopArgs.class).run();
          entries.keySet().removeIf(k -> run == null ? k.startsWith("dev ") : k.equals("dev " + run));
        }
        case CommandIds.DEBUG_ENDPOINT -> put("debug endpoint", commandId, args);
        default -> {
          // not lasting work
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "not booking " + commandId, e);
    }
  }

  /** An engine event: forgets work that ended elsewhere. */
  synchronized void event(HostK8sEvent e) {
    switch (e.type()) {
      case "sync.stopped" -> entries.remove("sync " + e.service());
      case "forward.closed" -> entries.remove("forward " + e.service() + "/" + e.data().get("name"));
      case "logs.stop" -> entries.remove("logs -f " + e.service());
      case "dev.stopped" -> {
        if (e.data().get("runs") instanceof Collection<?> runs) {
          runs.forEach(r -> entries.remove("dev " + r));
        }
      }
      default -> {
        // not an ending
      }
    }
  }

  /** The work to start again, in the order it was started. */
  synchronized List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  private void put(String words, String commandId, CommandArgs args) {
    entries.remove(words);
    entries.put(words, new Entry(words, commandId, args));
  }
}
