package io.hostk8s.dev.command;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.Arg;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/** Reads {@link CommandArgs} into a command's argument record (see {@link CommandArgs#as}). */
final class TypedArgs {
  private TypedArgs() {}

  static <R extends Record> R read(CommandArgs args, Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      Arg arg = c.getAnnotation(Arg.class);
      Optional<String> raw = args.string(c.getName(), i);
      if (raw.isEmpty() || raw.get().isBlank()) {
        if (arg != null && arg.required()) {
          throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "Missing argument '" + c.getName() + "'.",
              "Pass it, e.g. " + example(c, arg));
        }
        values[i] = c.getType() == boolean.class ? Boolean.FALSE : null;
        continue;
      }
      values[i] = convert(c, arg, raw.get());
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object convert(RecordComponent c, Arg arg, String v) {
    Class<?> t = c.getType();
    if (t == String.class) {
      return v;
    }
    if (t == Boolean.class || t == boolean.class) {
      return Boolean.parseBoolean(v.strip());
    }
    try {
      double d = Double.parseDouble(v);
      if (t == Double.class || t == double.class) {
        return d;
      }
      if (d != Math.rint(d) || d < 0 || d > 65535 * 100) {
        throw new NumberFormatException(v);
      }
      return (int) d;
    } catch (NumberFormatException e) {
      String what = t == Double.class || t == double.class ? "a number" : "a whole number";
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, c.getName() + " must be " + what + ", not '" + v + "'.",
          "Pass e.g. " + example(c, arg) + ".");
    }
  }

  private static String example(RecordComponent c, Arg arg) {
    String value = arg == null || arg.example().isEmpty() ? "…" : arg.example();
    boolean quoted = c.getType() == String.class;
    return "{\"" + c.getName() + "\": " + (quoted ? "\"" + value + "\"" : value) + "}";
  }
}
