package org.kzmove.ui.jobs;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;

/**
 * The live resilver chart: two stacked line charts over the same time axis, the rate (MB/s) on top
 * and the ETAs (s) below (zoneadm's, kzmove's, and the low/high ends of kzmove's range). No symbols
 * per point, no animation: it redraws as points arrive and stays readable at a glance.
 */
final class ResilverChart extends HBox {
    private final XYChart.Series<Number, Number> rate = series("rate");
    private final XYChart.Series<Number, Number> zoneadmEta = series("zoneadm ETA");
    private final XYChart.Series<Number, Number> eta = series("kzmove ETA");
    private final XYChart.Series<Number, Number> etaLow = series("ETA low");
    private final XYChart.Series<Number, Number> etaHigh = series("ETA high");
    private final LineChart<Number, Number> rateChart;
    private final LineChart<Number, Number> etaChart;

    ResilverChart(ObservableList<ChartPoint> points) {
        setId("resilverChart");
        rateChart = chart("Resilver rate", "MB/s", "rateChart");
        rateChart.getData().add(rate);
        rateChart.setLegendVisible(false);
        etaChart = chart("Time to go", "seconds", "etaChart");
        etaChart.getData().addAll(List.of(zoneadmEta, eta, etaLow, etaHigh));
        etaChart.setLegendSide(Side.BOTTOM);
        // Side by side: each chart gets the pane's full height, so axis labels and units stay readable.
        setHgrow(rateChart, Priority.ALWAYS);
        setHgrow(etaChart, Priority.ALWAYS);
        getChildren().addAll(rateChart, etaChart);

        points.forEach(this::add);
        points.addListener((ListChangeListener<ChartPoint>) c -> {
            boolean onlyAdded = true;
            while (c.next()) {
                if (c.wasRemoved() || c.wasPermutated() || c.wasUpdated() || c.getFrom() < rate.getData().size()) {
                    onlyAdded = false;
                }
            }
            if (onlyAdded) {
                c.reset();
                while (c.next()) {
                    c.getAddedSubList().forEach(this::add);
                }
            } else {
                // The view model thinned its history: draw it again.
                List.of(rate, zoneadmEta, eta, etaLow, etaHigh).forEach(s -> s.getData().clear());
                points.forEach(this::add);
            }
        });
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static LineChart<Number, Number> chart(String title, String unit, String id) {
        NumberAxis time = new NumberAxis();
        time.setLabel("resilver time on the host (s)");
        // Both charts start at 0 so their time axes line up.
        time.setForceZeroInRange(true);
        NumberAxis value = new NumberAxis();
        value.setLabel(unit);
        LineChart<Number, Number> chart = new LineChart<>(time, value);
        chart.setId(id);
        chart.setTitle(title);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setMinHeight(120);
        chart.setPrefHeight(170);
        return chart;
    }

    private void add(ChartPoint p) {
        rate.getData().add(new XYChart.Data<>(p.elapsedSeconds(), p.rateMegabytes()));
        addIfKnown(zoneadmEta, p.elapsedSeconds(), p.zoneadmEtaSeconds());
        addIfKnown(eta, p.elapsedSeconds(), p.etaSeconds());
        addIfKnown(etaLow, p.elapsedSeconds(), p.etaLowSeconds());
        addIfKnown(etaHigh, p.elapsedSeconds(), p.etaHighSeconds());
    }

    private static void addIfKnown(XYChart.Series<Number, Number> s, double x, Long y) {
        if (y != null) {
            s.getData().add(new XYChart.Data<>(x, y));
        }
    }

    /** How many rate points are drawn (tests watch the chart advance). */
    int ratePoints() {
        return rate.getData().size();
    }
}
