package io.hostk8s.dev.dap;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;

/**
 * DAP framing from lsp4j (Content-Length frames, the DAP message model) with bodies kept as JSON trees — we
 * relay them, we do not retype them — plus guards: a frame larger than {@link #MAX_FRAME} is skipped unread and
 * reported; an unparseable frame is reported; the connection keeps going in both cases.
 */
final class DapWire {
  /** The largest frame we parse (DAP messages are small; 16 MiB leaves room for big variable dumps). */
  static final int MAX_FRAME = 16 * 1024 * 1024;

  /** What the guards report. */
  interface Problems extends MessageIssueHandler {
    void malformed(String what);
  }

  private DapWire() {}

  /** Every command, event and response body as a JSON tree (lsp4j would drop bodies it has no type for). */
  static MessageJsonHandler json() {
    MessageJsonHandler h = new DebugMessageJsonHandler(Map.of()) {
      @Override
      public JsonRpcMethod getJsonRpcMethod(String name) {
        return ANY;
      }
    };
    h.setMethodProvider(requestId -> ANY.getMethodName());
    return h;
  }

  private static final JsonRpcMethod ANY = JsonRpcMethod.request("*", JsonElement.class, JsonElement.class);

  static StreamMessageConsumer writer(OutputStream out, MessageJsonHandler json) {
    return new StreamMessageConsumer(out, json);
  }

  static StreamMessageProducer reader(InputStream in, MessageJsonHandler json, Problems problems) {
    return new Guarded(in, json, problems);
  }

  private static final class Guarded extends StreamMessageProducer {
    private final Problems problems;

    Guarded(InputStream in, MessageJsonHandler json, Problems problems) {
      super(in, json, problems);
      this.problems = problems;
    }

    @Override
    protected boolean handleMessage(InputStream input, Headers headers) {
      if (headers.contentLength > MAX_FRAME) {
        return skip(input, headers.contentLength);
      }
      return super.handleMessage(input, headers);
    }

    private boolean skip(InputStream input, int length) {
      try {
        long left = length;
        byte[] sink = new byte[64 * 1024];
        while (left > 0) {
          int n = input.read(sink, 0, (int) Math.min(sink.length, left));
          if (n < 0) {
            return false;
          }
          left -= n;
        }
        problems.malformed("a frame of " + length + " bytes exceeds the limit of " + MAX_FRAME + " bytes and was skipped");
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    protected void fireError(Throwable error) {
      problems.malformed(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }
  }
}
