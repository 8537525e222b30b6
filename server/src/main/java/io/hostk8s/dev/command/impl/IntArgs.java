package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;

/** Whole-number arguments (ports, counts) read from a command's named fields, with a clear error for non-numbers. */
final class IntArgs {
  private IntArgs() {}

  static Integer optional(CommandArgs args, String name, String example) {
    String v = args.string(name, 99).orElse(null);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (d != Math.rint(d) || d < 0 || d > 65535 * 100) {
        throw new NumberFormatException(v);
      }
      return (int) d;
    } catch (NumberFormatException e) {
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, name + " must be a whole number, not '" + v + "'.", "Pass e.g. " + example + ".");
    }
  }
}
