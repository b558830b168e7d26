package org.kzmove.ui.jobs;

import java.util.ArrayList;
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

    private final ListChangeListener<ChartPoint> follow = this::onChange;
    private ObservableList<ChartPoint> points;
    private boolean showing;

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

        this.points = points;
        showing(true);
    }

    /**
     * Draws the points while the chart is on screen; a hidden chart (its move's tab not selected) stops
     * following them, so twenty moves in the background cost no chart layout, and draws them all at
     * once when shown again.
     */
    void showing(boolean now) {
        if (now == showing) {
            return;
        }
        showing = now;
        if (now) {
            redraw();
            points.addListener(follow);
        } else {
            points.removeListener(follow);
        }
    }

    private void redraw() {
        List.of(rate, zoneadmEta, eta, etaLow, etaHigh).forEach(s -> s.getData().clear());
        addAll(points);
    }

    private void onChange(ListChangeListener.Change<? extends ChartPoint> c) {
        boolean onlyAdded = true;
        List<ChartPoint> added = new ArrayList<>();
        while (c.next()) {
            if (c.wasRemoved() || c.wasPermutated() || c.wasUpdated() || c.getFrom() < rate.getData().size()) {
                onlyAdded = false;
            }
            added.addAll(c.getAddedSubList());
        }
        if (onlyAdded) {
            addAll(added);
        } else {
            // The view model thinned its history: draw it again.
            redraw();
        }
    }

    /** Adds points series by series in one change each: one layout per batch, not one per point. */
    private void addAll(List<? extends ChartPoint> batch) {
        List<XYChart.Data<Number, Number>> r = new ArrayList<>();
        List<XYChart.Data<Number, Number>> z = new ArrayList<>();
        List<XYChart.Data<Number, Number>> e = new ArrayList<>();
        List<XYChart.Data<Number, Number>> lo = new ArrayList<>();
        List<XYChart.Data<Number, Number>> hi = new ArrayList<>();
        for (ChartPoint p : batch) {
            r.add(new XYChart.Data<>(p.elapsedSeconds(), p.rateMegabytes()));
            known(z, p.elapsedSeconds(), p.zoneadmEtaSeconds());
            known(e, p.elapsedSeconds(), p.etaSeconds());
            known(lo, p.elapsedSeconds(), p.etaLowSeconds());
            known(hi, p.elapsedSeconds(), p.etaHighSeconds());
        }
        rate.getData().addAll(r);
        zoneadmEta.getData().addAll(z);
        eta.getData().addAll(e);
        etaLow.getData().addAll(lo);
        etaHigh.getData().addAll(hi);
    }

    private static void known(List<XYChart.Data<Number, Number>> into, double x, Long y) {
        if (y != null) {
            into.add(new XYChart.Data<>(x, y));
        }
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

    /** How many rate points are drawn (tests watch the chart advance). */
    int ratePoints() {
        return rate.getData().size();
    }
}
