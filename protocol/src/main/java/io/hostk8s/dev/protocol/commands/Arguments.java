package io.hostk8s.dev.protocol.commands;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The argument descriptions of an argument record, read from its components and their {@link Arg}s. */
public final class Arguments {
  private Arguments() {}

  public static List<ArgumentDescription> describe(Class<? extends Record> type) {
    List<ArgumentDescription> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Arg a = c.getAnnotation(Arg.class);
      if (a == null) {
        throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " has no @Arg");
      }
      out.add(new ArgumentDescription(c.getName(), kind(c, a), a.prompt(), a.required(), List.of(a.choices()),
          a.example().isEmpty() ? null : a.example(), a.preview().isEmpty() ? null : a.preview()));
    }
    return out;
  }

  static ArgumentKind kind(RecordComponent c, Arg a) {
    if (a.kind() != ArgumentKind.STRING) {
      return a.kind();
    }
    Class<?> t = c.getType();
    if (t == Boolean.class || t == boolean.class) {
      return ArgumentKind.BOOLEAN;
    }
    if (t == Integer.class || t == int.class) {
      return ArgumentKind.INTEGER;
    }
    if (t == Double.class || t == double.class) {
      return ArgumentKind.NUMBER;
    }
    return ArgumentKind.STRING;
  }
}
