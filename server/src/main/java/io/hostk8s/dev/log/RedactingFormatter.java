package io.hostk8s.dev.log;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/** One-line log format that masks secrets (DigitalOcean tokens, bearer tokens, passwords in URLs). */
public final class RedactingFormatter extends Formatter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final Pattern[] SECRETS = {
    Pattern.compile("do[opr]_v1_[A-Za-z0-9]{8,}"),
    Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"),
    Pattern.compile("(?i)((?:token|password|secret)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]{4,}"),
    Pattern.compile("(://[^:/@\\s]+:)[^@/\\s]+(@)"),
  };

  /** Masks every secret-looking part of {@code text}. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = SECRETS[0].matcher(text).replaceAll("***");
    out = SECRETS[1].matcher(out).replaceAll("$1***");
    out = SECRETS[2].matcher(out).replaceAll("$1***");
    return SECRETS[3].matcher(out).replaceAll("$1***$2");
  }

  @Override
  public String format(LogRecord record) {
    StringBuilder sb = new StringBuilder();
    sb.append(LocalTime.now().format(TIME)).append(' ').append(record.getLevel().getName()).append(' ');
    String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
    sb.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ");
    sb.append(redact(formatMessage(record)));
    if (record.getThrown() != null) {
      java.io.StringWriter sw = new java.io.StringWriter();
      record.getThrown().printStackTrace(new java.io.PrintWriter(sw));
      sb.append(System.lineSeparator()).append(redact(sw.toString()));
    }
    return sb.append(System.lineSeparator()).toString();
  }
}
