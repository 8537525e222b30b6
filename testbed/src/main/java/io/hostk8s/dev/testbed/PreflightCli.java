package io.hostk8s.dev.testbed;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code preflight --workspace DIR [--json]}: prints what this host lacks to run the voting app's pods. Text: one
 * {@code missing: <what> — needed by <services>; <fix>} line per piece, then {@code fix: make setup}; or
 * {@code preflight: ok (<n> checks, <ms> ms)}. JSON: one line
 * {@code {"ok":…,"missing":[{"what":…,"services":[…],"fix":…}],"fix":"make setup","ms":N}}. Exit 0 when nothing
 * is missing, {@value #MISSING} when something is.
 */
final class PreflightCli {

  static final int MISSING = 3;

  private PreflightCli() {
  }

  static int run(Path workspace, boolean json, Map<String, String> env, PrintStream out) {
    Preflight.Report report = Preflight.check(workspace, env);
    if (json) {
      out.println(json(report));
    } else if (report.ok()) {
      out.println("preflight: ok (" + report.checks() + " checks, " + report.millis() + " ms)");
    } else {
      for (Preflight.Missing m : report.missing()) {
        out.println("missing: " + m.what() + " — needed by " + String.join(", ", m.services()) + "; " + m.fix());
      }
      out.println("fix: " + Preflight.FIX_ALL);
    }
    out.flush();
    return report.ok() ? 0 : MISSING;
  }

  /** The report as one JSON line, written with Jackson's streaming generator (databind takes ~0.4 s to load). */
  static String json(Preflight.Report report) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeBooleanProperty("ok", report.ok());
      g.writeArrayPropertyStart("missing");
      for (Preflight.Missing m : report.missing()) {
        g.writeStartObject();
        g.writeStringProperty("what", m.what());
        g.writeArrayPropertyStart("services");
        for (String s : m.services()) {
          g.writeString(s);
        }
        g.writeEndArray();
        g.writeStringProperty("fix", m.fix());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringProperty("fix", Preflight.FIX_ALL);
      g.writeNumberProperty("ms", report.millis());
      g.writeEndObject();
    }
    return w.toString();
  }
}
