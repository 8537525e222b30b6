package io.hostk8s.dev.util;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one Gson configuration used outside lsp4j (CLI output, engine socket payloads). */
public final class Json {
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  public static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create();

  private Json() {}
}
