package io.hostk8s.dev.lsp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Our protocol's enums (e.g. {@code ArgumentKind}) go over LSP by name, as the CLI's JSON and docs/protocol.md have
 * them: lsp4j's own enum adapter would write their ordinal ({@code "kind": 2} instead of {@code "kind": "CHOICE"}).
 */
final class ProtocolEnums implements TypeAdapterFactory {
  private static final String PACKAGE = "io.hostk8s.dev.protocol";

  private ProtocolEnums() {}

  /** Registered last, so it wins over lsp4j's enum adapter (Gson prefers later registrations). */
  static void register(GsonBuilder builder) {
    builder.registerTypeAdapterFactory(new ProtocolEnums());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!raw.isEnum() || !raw.getName().startsWith(PACKAGE + ".")) {
      return null;
    }
    return (TypeAdapter<T>) new ByName(raw);
  }

  private static final class ByName<E extends Enum<E>> extends TypeAdapter<E> {
    private final Class<E> type;

    ByName(Class<E> type) {
      this.type = type;
    }

    @Override
    public void write(JsonWriter out, E value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.value(value.name());
      }
    }

    @Override
    public E read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      return Enum.valueOf(type, in.nextString());
    }
  }
}
