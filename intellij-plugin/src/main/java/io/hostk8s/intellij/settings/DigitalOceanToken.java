package io.hostk8s.intellij.settings;

import com.intellij.credentialStore.CredentialAttributes;
import com.intellij.credentialStore.CredentialAttributesKt;
import com.intellij.credentialStore.Credentials;
import com.intellij.ide.passwordSafe.PasswordSafe;
import com.intellij.notification.NotificationGroupManager;
import com.intellij.notification.NotificationType;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.ModalityState;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.Messages;
import com.intellij.util.concurrency.AppExecutorUtil;
import java.util.concurrent.CompletableFuture;

/**
 * The DigitalOcean token in IntelliJ's password safe. The server gets it only by asking ({@code hostk8s/secret} with
 * {@code digitalocean.token}); when none is stored the person is asked. PasswordSafe is never touched on the EDT.
 */
public final class DigitalOceanToken {
  public static final String SECRET_NAME = "digitalocean.token";
  private static final CredentialAttributes KEY =
      new CredentialAttributes(CredentialAttributesKt.generateServiceName("HostK8s", SECRET_NAME));

  private DigitalOceanToken() {}

  /** The answer to {@code hostk8s/secret}: the stored token, else the person's, else null. */
  public static CompletableFuture<String> forServer(Project project, String name) {
    if (!SECRET_NAME.equals(name)) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.supplyAsync(() -> {
      String stored = PasswordSafe.getInstance().getPassword(KEY);
      return stored != null && !stored.isEmpty() ? stored : ask(project);
    }, AppExecutorUtil.getAppExecutorService());
  }

  /** Asks on the EDT, stores off it; null when the person cancelled. Call off the EDT. */
  private static String ask(Project project) {
    String[] answer = new String[1];
    ApplicationManager.getApplication().invokeAndWait(() -> answer[0] = Messages.showPasswordDialog(project,
        "Stored in IntelliJ's password safe; sent to the HostK8s server only when a cloud command needs it.",
        "DigitalOcean API Token", null), ModalityState.any());
    String token = answer[0] == null ? null : answer[0].trim();
    if (token == null || token.isEmpty()) {
      return null;
    }
    PasswordSafe.getInstance().set(KEY, new Credentials("digitalocean", token));
    return token;
  }

  public static void askAndStore(Project project) {
    AppExecutorUtil.getAppExecutorService().execute(() -> {
      if (ask(project) != null) {
        notify(project, "HostK8s: DigitalOcean token saved in the password safe.");
      }
    });
  }

  public static void clear(Project project) {
    AppExecutorUtil.getAppExecutorService().execute(() -> {
      PasswordSafe.getInstance().set(KEY, null);
      notify(project, "HostK8s: DigitalOcean token removed.");
    });
  }

  private static void notify(Project project, String text) {
    NotificationGroupManager.getInstance().getNotificationGroup("HostK8s").createNotification(text, NotificationType.INFORMATION)
        .notify(project);
  }
}
