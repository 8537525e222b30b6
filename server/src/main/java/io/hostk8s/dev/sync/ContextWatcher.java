package io.hostk8s.dev.sync;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the sync sources with directory-watcher (no file hashing: the sync hashes what it sends) and feeds the
 * {@link ChangeQueue}. Directories the ignore model may prune (e.g. {@code node_modules/}) are not registered, so
 * they cost no watches. An overflow asks for a rescan. Each event is stamped with the file's modification time when
 * that is within the last two seconds (the save), else the time it arrived.
 */
final class ContextWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ContextWatcher.class.getName());
  private final DirectoryWatcher watcher;
  private final ExecutorService thread;

  ContextWatcher(String service, List<SyncSource> sources, ChangeQueue queue) {
    List<Path> roots = sources.stream().map(SyncSource::root).distinct().toList();
    try {
      watcher = DirectoryWatcher.builder().paths(roots).fileHashing(false).fileTreeVisitor(pruning(sources))
          .listener(e -> onEvent(e, queue)).build();
    } catch (IOException e) {
      throw HostK8sException.user(ErrorCode.SYNC_WATCH_FAILED, "Cannot watch " + roots + " for " + service + ": " + e.getMessage(),
          "Check the directory exists and is readable; on Linux raise fs.inotify.max_user_watches (e.g. sudo sysctl fs.inotify.max_user_watches=524288).");
    }
    thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "sync-watch-" + service);
      t.setDaemon(true);
      return t;
    });
    watcher.watchAsync(thread);
  }

  private static void onEvent(DirectoryChangeEvent e, ChangeQueue queue) {
    if (e.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || e.path() == null) {
      queue.rescan();
      return;
    }
    long now = System.currentTimeMillis();
    long at = now;
    if (e.eventType() != DirectoryChangeEvent.EventType.DELETE) {
      try {
        long mtime = Files.getLastModifiedTime(e.path(), LinkOption.NOFOLLOW_LINKS).toMillis();
        if (mtime <= now && mtime > now - 2_000) {
          at = mtime;
        }
      } catch (IOException ignored) {
        // gone already: a delete follows
      }
    }
    queue.changed(e.path().toAbsolutePath().normalize(), at);
  }

  /** Walks like directory-watcher's default visitor, but skips directories the ignore model prunes. */
  private static FileTreeVisitor pruning(List<SyncSource> sources) {
    return (root, onDirectory, onFile) -> Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        for (SyncSource s : sources) {
          if (dir.startsWith(s.root()) && !dir.equals(s.root())) {
            SyncPaths.Result r = SyncPaths.relative(s.root(), dir);
            if (!r.ok() || s.ignore().prunable(r.path())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
          }
        }
        onDirectory.call(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        onFile.call(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }
    });
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the watcher", e);
    }
    thread.shutdownNow();
  }
}
