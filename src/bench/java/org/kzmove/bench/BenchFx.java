package org.kzmove.bench;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;
import org.kzmove.remote.ssh.HostKeyTrust.PresentedHostKey;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.FxBridge;

/** What the console's benchmark and the screenshot tour share: starting JavaFX, work on the FX thread. */
final class BenchFx {
    private BenchFx() {
    }

    /** Starts the JavaFX platform and waits until it runs. */
    static void startPlatform() throws Exception {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on the FX thread and waits for its answer. */
    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        FxBridge.run(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** A dialog service that prints errors and answers every question "no": nothing asks one here. */
    static final class SilentDialogs implements DialogService {
        @Override
        public void showError(String title, String message) {
            System.out.println("error: " + title + ": " + message);
        }

        @Override
        public void notify(String title, String message, boolean problem) {
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel, String keepLabel) {
            return false;
        }

        @Override
        public boolean trustHostKey(String hostName, PresentedHostKey key) {
            return false;
        }

        @Override
        public Optional<char[]> askSecret(String title, String prompt) {
            return Optional.empty();
        }
    }
}
