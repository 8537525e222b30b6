package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IDE stand-in that speaks raw DAP JSON over the adapter's socket, as VS Code does (no typed client in between
 * that could hide a field): requests answer with the whole response message (success or not), events are queued.
 */
public final class VsCodeDap implements AutoCloseable {
  public final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  public final List<JsonObject> log = new CopyOnWriteArrayList<>();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger seq = new AtomicInteger();
  private final AdapterLink link;
  private final OutputStream out;

  public VsCodeDap(String host, int port) throws IOException {
    this(AdapterLink.tcp(host, port));
  }

  /** Over the adapter's Unix socket, as VS Code connects (DebugAdapterNamedPipeServer). */
  public VsCodeDap(DapServer server) throws IOException {
    this(AdapterLink.unix(server));
  }

  public VsCodeDap(AdapterLink link) {
    this.link = link;
    out = link.out;
    InputStream in = new BufferedInputStream(link.in);
    Thread t = new Thread(() -> read(in), "vscode-dap-reader");
    t.setDaemon(true);
    t.start();
  }

  /** VS Code's initialize arguments (as sent by VS Code 1.9x). */
  public static final String INITIALIZE = "{\"clientID\":\"vscode\",\"clientName\":\"Visual Studio Code\",\"adapterID\":\"hostk8s\","
      + "\"pathFormat\":\"path\",\"linesStartAt1\":true,\"columnsStartAt1\":true,\"supportsVariableType\":true,"
      + "\"supportsVariablePaging\":true,\"supportsRunInTerminalRequest\":true,\"locale\":\"en\",\"supportsProgressReporting\":true,"
      + "\"supportsInvalidatedEvent\":true,\"supportsMemoryReferences\":true,\"supportsArgsCanBeInterpretedByShell\":true,"
      + "\"supportsMemoryEvent\":true,\"supportsStartDebuggingRequest\":true}";

  /**
   * VS Code's configuration phase once {@code initialized} arrived: setBreakpoints for {@code file} at {@code line},
   * setFunctionBreakpoints (with {@code functions}; VS Code sends it, empty, whenever function breakpoints are
   * advertised — the adapter's first answer does), setExceptionBreakpoints with the default filter,
   * configurationDone. Returns the four response messages by command.
   */
  public Map<String, JsonObject> configure(java.nio.file.Path file, int line, String... functions) throws Exception {
    JsonObject bp = new JsonObject();
    bp.addProperty("line", line);
    JsonObject src = new JsonObject();
    src.addProperty("name", file.getFileName().toString());
    src.addProperty("path", file.toString());
    JsonObject bps = new JsonObject();
    bps.add("source", src);
    bps.add("lines", JsonParser.parseString("[" + line + "]"));
    bps.add("breakpoints", JsonParser.parseString("[" + bp + "]"));
    bps.addProperty("sourceModified", false);
    com.google.gson.JsonArray fns = new com.google.gson.JsonArray();
    for (String f : functions) {
      JsonObject fn = new JsonObject();
      fn.addProperty("name", f);
      fns.add(fn);
    }
    Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
    out.put("setBreakpoints", request("setBreakpoints", bps.toString()));
    out.put("setFunctionBreakpoints", request("setFunctionBreakpoints", "{\"breakpoints\":" + fns + "}"));
    out.put("setExceptionBreakpoints", request("setExceptionBreakpoints", "{\"filters\":[\"uncaught\"],\"filterOptions\":[]}"));
    out.put("configurationDone", request("configurationDone", "{}"));
    return out;
  }

  /** What VS Code asks for on {@code stopped}: threads, then the stack in two parts (top frame, then the rest). */
  public record Stop(long threadId, List<JsonObject> threads, List<JsonObject> frames, int totalFrames) {
    public JsonObject top() {
      return frames.get(0);
    }
  }

  public Stop onStopped(JsonObject stopped) throws Exception {
    long tid = stopped.get("threadId").getAsLong();
    List<JsonObject> threads = new java.util.ArrayList<>();
    ok("threads", null).getAsJsonArray("threads").forEach(t -> threads.add(t.getAsJsonObject()));
    List<JsonObject> frames = new java.util.ArrayList<>();
    JsonObject first = ok("stackTrace", "{\"threadId\":" + tid + ",\"startFrame\":0,\"levels\":1}");
    first.getAsJsonArray("stackFrames").forEach(f -> frames.add(f.getAsJsonObject()));
    JsonObject rest = ok("stackTrace", "{\"threadId\":" + tid + ",\"startFrame\":1,\"levels\":19}");
    rest.getAsJsonArray("stackFrames").forEach(f -> frames.add(f.getAsJsonObject()));
    return new Stop(tid, threads, frames, first.has("totalFrames") ? first.get("totalFrames").getAsInt() : -1);
  }

  /** The variables of the top frame's first scope (the locals), by name → value. */
  public Map<String, JsonObject> locals(JsonObject frame) throws Exception {
    JsonObject scope = ok("scopes", "{\"frameId\":" + frame.get("id") + "}").getAsJsonArray("scopes").get(0).getAsJsonObject();
    return variables(scope.get("variablesReference").getAsInt());
  }

  public Map<String, JsonObject> variables(int reference) throws Exception {
    Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
    ok("variables", "{\"variablesReference\":" + reference + "}").getAsJsonArray("variables")
        .forEach(v -> out.put(v.getAsJsonObject().get("name").getAsString(), v.getAsJsonObject()));
    return out;
  }

  /** Sends a request; the future completes with the response message. */
  public CompletableFuture<JsonObject> send(String command, JsonObject arguments) throws IOException {
    int s = seq.incrementAndGet();
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    pending.put(s, f);
    JsonObject m = new JsonObject();
    m.addProperty("seq", s);
    m.addProperty("type", "request");
    m.addProperty("command", command);
    if (arguments != null) {
      m.add("arguments", arguments);
    }
    byte[] b = m.toString().getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.flush();
    }
    return f;
  }

  /** Sends and waits for the response message (success or not). */
  public JsonObject request(String command, String argumentsJson) throws Exception {
    return send(command, argumentsJson == null ? null : JsonParser.parseString(argumentsJson).getAsJsonObject()).get(60, TimeUnit.SECONDS);
  }

  /** The body of a successful response; fails with the message otherwise. */
  public JsonObject ok(String command, String argumentsJson) throws Exception {
    JsonObject r = request(command, argumentsJson);
    if (!r.get("success").getAsBoolean()) {
      throw new AssertionError(command + " failed: " + r);
    }
    JsonElement body = r.get("body");
    return body == null || !body.isJsonObject() ? new JsonObject() : body.getAsJsonObject();
  }

  /** The next event named {@code name} (others are kept in {@link #log}), or fails after {@code seconds}. */
  public JsonObject awaitEvent(String name, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      JsonObject e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no '" + name + "' event within " + seconds + " s; seen: " + log);
      }
      if (name.equals(e.get("event").getAsString())) {
        return e.has("body") ? e.getAsJsonObject("body") : new JsonObject();
      }
    }
  }

  private void read(InputStream in) {
    try {
      while (true) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int length = -1;
        while (true) {
          int c = in.read();
          if (c < 0) {
            return;
          }
          header.write(c);
          String h = header.toString(StandardCharsets.US_ASCII);
          if (h.endsWith("\r\n\r\n")) {
            for (String line : h.split("\r\n")) {
              if (line.startsWith("Content-Length:")) {
                length = Integer.parseInt(line.substring(15).trim());
              }
            }
            break;
          }
        }
        JsonObject m = JsonParser.parseString(new String(in.readNBytes(length), StandardCharsets.UTF_8)).getAsJsonObject();
        log.add(m);
        switch (m.get("type").getAsString()) {
          case "response" -> {
            CompletableFuture<JsonObject> f = pending.remove(m.get("request_seq").getAsInt());
            if (f != null) {
              f.complete(m);
            }
          }
          case "event" -> events.add(m);
          default -> { }
        }
      }
    } catch (IOException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
  }

  @Override
  public void close() throws IOException {
    link.close();
  }
}
