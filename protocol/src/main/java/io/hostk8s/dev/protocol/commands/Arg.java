package io.hostk8s.dev.protocol.commands;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes one component of a command's argument record (see {@link Arguments#describe}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Arg {
  /** SERVICE, FILE and CHOICE need saying; BOOLEAN, INTEGER and STRING follow from the component's type. */
  ArgumentKind kind() default ArgumentKind.STRING;

  /** What a client asks (a quick pick's placeholder, the CLI's help). */
  String prompt();

  boolean required() default false;

  /** For CHOICE. */
  String[] choices() default {};

  /** For CONFIRM: the command whose result shows what the person consents to, e.g. {@code hostk8s.publish.plan}. */
  String preview() default "";

  /** An example value for error messages, e.g. {@code vote}. */
  String example() default "";
}
