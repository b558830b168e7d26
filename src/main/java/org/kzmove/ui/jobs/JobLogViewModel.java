package org.kzmove.ui.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.solaris.text.HostText;

/**
 * The log pane of a move: zoneadm's lines as they arrive, a search that counts matches and moves
 * between them, the text to copy, and saving to a file in the background.
 */
public final class JobLogViewModel {
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Supplier<String> fileName;

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    // Made once: an unmodifiable wrapper listens weakly, so one made per call could lose its listeners.
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final IntegerProperty currentMatch = new SimpleIntegerProperty(-1);
    private final IntegerProperty matchCount = new SimpleIntegerProperty(0);
    private final StringProperty matchText = new SimpleStringProperty("");
    private final StringProperty saveStatus = new SimpleStringProperty("");

    JobLogViewModel(TaskExecutor executor, DialogService dialogs, Supplier<String> fileName) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.fileName = fileName;
        searchText.addListener((o, was, now) -> recountMatches());
    }

    /**
     * A batch of lines, in one update of the list. Each is escaped on the way in (issue 10): the
     * pane, the copied text and the saved file never carry a host's escape sequences.
     */
    void append(List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int from = lines.size();
        lines.addAll(batch.stream().map(HostText::forTerminal).toList());
        String needle = needle();
        if (!needle.isEmpty()) {
            int found = 0;
            for (int i = from; i < lines.size(); i++) {
                if (matches(lines.get(i), needle)) {
                    found++;
                }
            }
            if (found > 0) {
                matchCount.set(matchCount.get() + found);
                updateMatchText();
            }
        }
    }

    /** Moves to the next line that contains the search text (wrapping around); -1 when none does. */
    public void nextMatch() {
        findMatch(1);
    }

    public void previousMatch() {
        findMatch(-1);
    }

    private void findMatch(int direction) {
        String needle = needle();
        int n = lines.size();
        if (needle.isEmpty() || n == 0) {
            currentMatch.set(-1);
            updateMatchText();
            return;
        }
        int start = currentMatch.get();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod((start < 0 ? (direction > 0 ? -1 : 0) : start) + direction * step, n);
            if (matches(lines.get(i), needle)) {
                currentMatch.set(i);
                updateMatchText();
                return;
            }
        }
        currentMatch.set(-1);
        updateMatchText();
    }

    /** Whether a log line contains the search text (case-insensitive); the view highlights these. */
    public boolean matchesSearch(String line) {
        String needle = needle();
        return !needle.isEmpty() && line != null && matches(line, needle);
    }

    private String needle() {
        String s = searchText.get();
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String line, String needle) {
        return line.toLowerCase(Locale.ROOT).contains(needle);
    }

    private void recountMatches() {
        String needle = needle();
        int count = 0;
        if (!needle.isEmpty()) {
            for (String line : lines) {
                if (matches(line, needle)) {
                    count++;
                }
            }
        }
        matchCount.set(count);
        currentMatch.set(-1);
        updateMatchText();
    }

    private void updateMatchText() {
        String noun = matchCount.get() == 1 ? " match" : " matches";
        if (needle().isEmpty()) {
            matchText.set("");
        } else if (matchCount.get() == 0) {
            matchText.set("no match");
        } else if (currentMatch.get() < 0) {
            matchText.set(matchCount.get() + noun);
        } else {
            matchText.set("line " + (currentMatch.get() + 1) + " · " + matchCount.get() + noun);
        }
    }

    /** The whole log as zoneadm printed it, control characters escaped. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The given log lines (e.g. the selection), in log order. */
    public String text(List<Integer> lineIndices) {
        StringBuilder sb = new StringBuilder();
        lineIndices.stream().sorted().filter(i -> i >= 0 && i < lines.size())
                .forEach(i -> sb.append(lines.get(i)).append('\n'));
        return sb.toString();
    }

    /** A file name to offer in the save dialog. */
    public String suggestedFileName() {
        return fileName.get();
    }

    /** Writes the log to {@code file} in the background; the outcome shows in {@link #saveStatusProperty()}. */
    public void save(Path file) {
        String text = text();
        saveStatus.set("Saving…");
        executor.submit(() -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, saved -> saveStatus.set("Saved to " + saved), e -> {
            saveStatus.set("");
            dialogs.showError("Could not save the log", "Writing " + file + " failed: " + e.getMessage()
                    + ". Choose another place.");
        });
    }

    public ObservableList<String> lines() {
        return linesView;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The log line of the current search match, -1 when none. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch;
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount;
    }

    public ReadOnlyStringProperty matchTextProperty() {
        return matchText;
    }

    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus;
    }
}
