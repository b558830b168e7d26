package org.kzmove.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxBridgeTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aFloodOfUpdatesReachesTheFxThreadCoalescedAndEndsWithTheLastValue() throws Exception {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        Consumer<Integer> progress = FxBridge.coalescing(v -> {
            delivered.add(v);
            onFxThread.add(Platform.isFxApplicationThread());
        });

        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 100_000; i++) {
                progress.accept(i);
            }
        });
        producer.start();
        producer.join();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !delivered.isEmpty() && delivered.get(delivered.size() - 1) == 100_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered.size()).as("updates queued on the FX thread").isLessThan(100_000);
        assertThat(delivered).isSorted().endsWith(100_000);
        assertThat(onFxThread).containsOnly(true);
    }

    @Test
    void runOnTheFxThreadRunsAtOnce() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            FxBridge.run(() -> order.add("inside"));
            order.add("after");
        }).get(10, TimeUnit.SECONDS);

        assertThat(order).containsExactly("inside", "after");
    }
}
