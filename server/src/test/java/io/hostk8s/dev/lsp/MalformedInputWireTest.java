package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed JSON-RPC never crashes the server: it answers errors where it can and keeps serving. */
class MalformedInputWireTest {
  @TempDir
  Path workspace;

  @Test
  void brokenFramesAndUnknownMethodsGetErrorsAndTheServerStillAnswers() throws Exception {
    try (ServerProcess server = ServerProcess.start(workspace, Map.of(), "lsp")) {
      RawFrames frames = new RawFrames();
      frames.readAll(server.process.getInputStream());
      OutputStream in = server.process.getOutputStream();
      RawFrames.send(in, "{this is not json");
      RawFrames.send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"foo/bar\",\"params\":{}}");
      RawFrames.send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"workspace/executeCommand\",\"params\":\"oops\"}");
      RawFrames.send(in, "[1,2,3]");
      in.write("Content-Length: 5\r\n\r\n\u0000\u0001\u0002\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
      in.flush();
      String init = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
          + workspace.toUri() + "\",\"capabilities\":{}}}";
      RawFrames.send(in, init);
      assertThat(RecordingClient.await(() -> frames.response(3) != null, 30_000)).as("initialize answered after garbage").isTrue();
      assertThat(frames.response(3).has("result")).isTrue();
      assertThat(frames.response(1).getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32601);
      assertThat(RecordingClient.await(() -> frames.response(2) != null, 5_000)).isTrue();
      assertThat(frames.response(2).has("error")).isTrue();
      RawFrames.send(in, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"hostk8s/status\",\"params\":null}");
      assertThat(RecordingClient.await(() -> frames.response(4) != null, 30_000)).isTrue();
      var status = frames.response(4).getAsJsonObject("result");
      assertThat(status.getAsJsonObject("cluster").get("name").getAsString()).isEqualTo("hostk8s");
      assertThat(status.getAsJsonObject("engine").get("mode").getAsString()).isEqualTo("owner");
      assertThat(status.getAsJsonArray("services")).hasSize(3);
      assertThat(server.process.isAlive()).isTrue();
      assertThat(frames.garbage).as("stdout carries nothing but frames").isEmpty();
    }
  }
}
