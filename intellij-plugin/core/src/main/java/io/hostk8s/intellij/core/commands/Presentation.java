package io.hostk8s.intellij.core.commands;

import io.hostk8s.dev.protocol.commands.Fix;
import java.util.List;
import java.util.Map;

/**
 * How one command result is shown, following the server's ResultView.
 *
 * @param show     message | document | status | logs (an unknown view is shown as a message)
 * @param text     the notification's text, starting with "HostK8s"
 * @param warning  the result's okField is false
 * @param lines    lines for the HostK8s console
 * @param problems those of the lines that report a problem
 * @param fixes    buttons that run the server's fixing commands
 * @param url      a URL the notification offers to open, or null
 * @param urlLabel that button's label
 * @param debug    a debug configuration to start as-is, or null
 * @param service  for {@code logs}: the service whose console to show, or null
 */
public record Presentation(String show, String text, boolean warning, List<String> lines, List<String> problems,
    List<Fix> fixes, String url, String urlLabel, Map<String, Object> debug, String service) {}
