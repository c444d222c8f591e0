package dev.iamatlas.app.ui.graph;

import dev.iamatlas.app.diagram.DiagramPainter;
import dev.iamatlas.app.diagram.DiagramTheme;
import dev.iamatlas.app.diagram.EdgeRoute;
import dev.iamatlas.app.diagram.LaidOutDiagram;
import dev.iamatlas.app.diagram.NodeBox;
import dev.iamatlas.app.diagram.Viewport;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Draws the laid-out diagram on a {@link Canvas} the size of the view, and turns mouse and keys into view model
 * commands. Only the visible part is drawn (the layout's grid index finds it), detail drops when zoomed out, and
 * repaints are coalesced to one per frame.
 *
 * <p>Mouse: drag the background to pan, wheel to zoom around the pointer, click to select, Shift/Ctrl-click to
 * add or remove, Shift-drag the background for a rubber band, drag a node to move it. Keys: + and - zoom, 0 fits
 * the diagram to the view, 1 shows it at actual size, arrows pan, Escape clears the selection.
 */
public final class GraphCanvas extends Region {
    /** Style class of the canvas region. */
    public static final String STYLE_CLASS = "graph-canvas";
    public static final double MIN_SCALE = 0.005;
    public static final double MAX_SCALE = 4;
    private static final double ZOOM_STEP = 1.25;

    private final GraphViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final FxCanvasSurface surface;
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final DoubleProperty translateX = new SimpleDoubleProperty(0);
    private final DoubleProperty translateY = new SimpleDoubleProperty(0);
    private final ObjectProperty<DiagramTheme> theme = new SimpleObjectProperty<>(DiagramTheme.LIGHT);
    private final Tooltip tooltip = new Tooltip();
    private DiagramPainter painter = new DiagramPainter(DiagramTheme.LIGHT);
    private boolean dirty = true;
    private boolean fitPending = true;
    /**
     * The nodes last brought into view by a fit request, until the user pans or zooms: the window often settles its
     * size after the first selection, and the fit must follow it or the path is cut at the edge.
     */
    private java.util.List<String> settlingFit;
    private final BooleanProperty legendVisible = new SimpleBooleanProperty(true);
    private final AnimationTimer timer;

    // Gesture state
    private Point2D pressScreen;
    private double pressTx;
    private double pressTy;
    private NodeBox dragging;
    private Point2D dragOffset;
    private boolean rubberBand;
    private Point2D bandEnd;
    private boolean moved;
    private String hovered;
    /** The node the last single click hit: a double-click folds or unfolds only that one. */
    private String lastClicked;

    public GraphCanvas(GraphViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        surface = new FxCanvasSurface(canvas.getGraphicsContext2D());
        setFocusTraversable(true);
        setMinSize(100, 100);
        tooltip.setShowDelay(Duration.millis(500));

        theme.addListener((o, a, b) -> {
            painter = new DiagramPainter(b);
            repaint();
        });
        viewModel.laidOutProperty().addListener((o, a, b) -> repaint());
        viewModel.emphasisProperty().addListener((o, a, b) -> repaint());
        viewModel.freshLayoutsProperty().addListener((o, a, b) -> {
            fitPending = true;
            repaint();
        });
        viewModel.fitRequestProperty().addListener((o, a, ids) -> {
            if (ids != null) {
                fitNodes(ids);
                settlingFit = ids;
            }
        });
        widthProperty().addListener((o, a, b) -> refitAfterResize());
        heightProperty().addListener((o, a, b) -> refitAfterResize());
        legendVisible.addListener((o, a, b) -> repaint());
        viewModel.revealRequestProperty().addListener((o, a, id) -> {
            if (id != null) {
                centerOn(id);
            }
        });
        scale.addListener((o, a, b) -> repaint());
        translateX.addListener((o, a, b) -> repaint());
        translateY.addListener((o, a, b) -> repaint());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    paintNow();
                }
            }
        };
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    // ----------------------------------------------------------------------------------------------- viewport

    private void refitAfterResize() {
        if (settlingFit != null && !fitPending) {
            fitNodes(settlingFit);
        }
    }

    private void panBy(double dx, double dy) {
        userMovedView();
        translateX.set(translateX.get() + dx);
        translateY.set(translateY.get() + dy);
    }

    /** The user has moved the view: a resize no longer re-fits the last fitted nodes. */
    private void userMovedView() {
        settlingFit = null;
    }

    /** Whether the legend is drawn in the bottom-left corner (L toggles it; exports always have theirs). */
    public BooleanProperty legendVisibleProperty() {
        return legendVisible;
    }

    /** The zoom: screen pixels per diagram unit. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public double getScale() {
        return scale.get();
    }

    public ObjectProperty<DiagramTheme> themeProperty() {
        return theme;
    }

    /** The current view as a viewport of the diagram. */
    public Viewport viewport() {
        return new Viewport(scale.get(), translateX.get(), translateY.get(), Math.max(1, getWidth()),
                Math.max(1, getHeight()));
    }

    public void zoomIn() {
        zoomAround(scale.get() * ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAround(scale.get() / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Shows the whole diagram, centred, no larger than actual size. */
    public void fit() {
        userMovedView();
        LaidOutDiagram d = viewModel.laidOut();
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        if (d.boxes().isEmpty()) {
            scale.set(1);
            translateX.set(0);
            translateY.set(0);
            fitPending = false;
            return;
        }
        Viewport v = Viewport.fit(d, getWidth(), getHeight() - legendReserve(), 24, 1.0);
        scale.set(Math.max(MIN_SCALE, v.scale()));
        translateX.set(v.translateX());
        translateY.set(v.translateY());
        fitPending = false;
    }

    /** The zoom at which node names are comfortably readable. */
    public static final double READABLE_SCALE = 0.75;

    /**
     * The first view of a new diagram: the whole of it when it can be read that way; otherwise readable, starting
     * from the callers on the left (press 0 to see it all).
     */
    public void initialView() {
        fit();
        LaidOutDiagram d = viewModel.laidOut();
        if (fitPending || d.boxes().isEmpty() || scale.get() >= READABLE_SCALE) {
            return;
        }
        double s = READABLE_SCALE;
        scale.set(s);
        translateX.set(24 - d.minX() * s);
        double h = d.height() * s;
        double available = getHeight() - legendReserve();
        translateY.set(h <= available ? (available - h) / 2 - d.minY() * s : 24 - d.minY() * s);
    }

    /** Shows the diagram at zoom 1 around the centre of the view. */
    public void actualSize() {
        zoomAround(1, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms to {@code newScale} keeping the diagram point under (px, py) in place. */
    public void zoomAround(double newScale, double px, double py) {
        userMovedView();
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, newScale));
        double dx = (px - translateX.get()) / scale.get();
        double dy = (py - translateY.get()) / scale.get();
        scale.set(s);
        translateX.set(px - dx * s);
        translateY.set(py - dy * s);
    }

    /** Scrolls so the node is in the middle of the view, zooming in to at least 0.8 when further out. */
    public void centerOn(String nodeId) {
        viewModel.laidOut().box(nodeId).ifPresent(box -> {
            fitPending = false;
            userMovedView();
            if (scale.get() < 0.8) {
                scale.set(0.8);
            }
            translateX.set(getWidth() / 2 - box.centerX() * scale.get());
            translateY.set(getHeight() / 2 - box.centerY() * scale.get());
        });
    }

    /**
     * Brings the nodes into view together: fitted when that keeps names readable (zoom at most 1), else centred on
     * them at the readable zoom.
     */
    public void fitNodes(java.util.List<String> ids) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (String id : ids) {
            var box = viewModel.laidOut().box(id);
            if (box.isPresent()) {
                x0 = Math.min(x0, box.get().x());
                y0 = Math.min(y0, box.get().y());
                x1 = Math.max(x1, box.get().maxX());
                y1 = Math.max(y1, box.get().maxY());
            }
        }
        if (x0 > x1 || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        fitPending = false;
        double margin = 60;
        double available = Math.max(1, getHeight() - legendReserve());
        double s = Math.min(1, Math.min(getWidth() / (x1 - x0 + 2 * margin), available / (y1 - y0 + 2 * margin)));
        double minimum = READABLE_SCALE * 0.8;
        if (s >= minimum) {
            scale.set(s);
            translateX.set(getWidth() / 2 - (x0 + x1) / 2 * s);
            translateY.set(available / 2 - (y0 + y1) / 2 * s);
            return;
        }
        var anchor = viewModel.laidOut().box(ids.get(0)).orElseThrow();
        scale.set(minimum);
        translateX.set(getWidth() / 3 - anchor.centerX() * minimum);
        translateY.set(available / 2 - anchor.centerY() * minimum);
    }

    private double legendReserve() {
        if (!legendVisible.get()) {
            return 0;
        }
        return painter.legendSize(surface, getWidth() - 20)[1] + 14;
    }

    // ----------------------------------------------------------------------------------------------- painting

    public void repaint() {
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, Math.floor(getWidth()));
        double h = Math.max(1, Math.floor(getHeight()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
        canvas.relocate(0, 0);
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(GraphCanvas.class.getName());
    /** With {@code -Diamatlas.debug.paint=true}, every repaint logs how long it took (for tuning). */
    private static final boolean LOG_PAINT = Boolean.getBoolean("iamatlas.debug.paint");

    /** Paints at once (the timer calls it once per frame when something changed; tests may call it directly). */
    public void paintNow() {
        long started = System.nanoTime();
        paintFrame();
        if (LOG_PAINT) {
            LOG.info(String.format("paint %.1f ms at scale %.3f, %d nodes laid out", (System.nanoTime() - started)
                    / 1e6, scale.get(), viewModel.laidOut().boxes().size()));
        }
    }

    private void paintFrame() {
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            initialView();
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        surface.reset();
        g.save();
        painter.paint(surface, viewModel.laidOut(), viewport(), viewModel.emphasisProperty().get());
        if (rubberBand && bandEnd != null) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.setGlobalAlpha(1);
            double x = Math.min(pressScreen.getX(), bandEnd.getX());
            double y = Math.min(pressScreen.getY(), bandEnd.getY());
            double w = Math.abs(bandEnd.getX() - pressScreen.getX());
            double h = Math.abs(bandEnd.getY() - pressScreen.getY());
            surface.setAlpha(0.12);
            surface.setFill(painter.theme().selection());
            surface.fillRect(x, y, w, h);
            surface.setAlpha(1);
            surface.setStroke(painter.theme().selection(), 1, new double[] {4, 3});
            g.strokeRect(x, y, w, h);
        }
        if (legendVisible.get() && !viewModel.laidOut().boxes().isEmpty()) {
            surface.setTransform(1, 0, 0);
            surface.setAlpha(1);
            double[] legend = painter.legendSize(surface, getWidth() - 20);
            painter.paintLegend(surface, 10, getHeight() - legend[1] - 10, getWidth() - 20);
        }
        g.restore();
    }

    // ----------------------------------------------------------------------------------------------- mouse

    private Point2D toDiagram(double sx, double sy) {
        return new Point2D((sx - translateX.get()) / scale.get(), (sy - translateY.get()) / scale.get());
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        userMovedView();
        pressScreen = new Point2D(e.getX(), e.getY());
        pressTx = translateX.get();
        pressTy = translateY.get();
        moved = false;
        dragging = null;
        rubberBand = false;
        if (e.getButton() == MouseButton.SECONDARY) {
            showContextMenu(e);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D p = toDiagram(e.getX(), e.getY());
        Optional<NodeBox> node = viewModel.laidOut().nodeAt(p.getX(), p.getY());
        if (node.isPresent()) {
            dragging = node.get();
            dragOffset = new Point2D(p.getX() - dragging.x(), p.getY() - dragging.y());
            return;
        }
        rubberBand = e.isShiftDown();
    }

    private void dragged(MouseEvent e) {
        if (pressScreen == null) {
            return;
        }
        if (!moved && pressScreen.distance(e.getX(), e.getY()) < 3) {
            return;
        }
        moved = true;
        if (dragging != null) {
            Point2D p = toDiagram(e.getX(), e.getY());
            viewModel.moveNode(dragging.node().id(), Math.round(p.getX() - dragOffset.getX()),
                    Math.round(p.getY() - dragOffset.getY()));
        } else if (rubberBand) {
            bandEnd = new Point2D(e.getX(), e.getY());
            repaint();
        } else {
            translateX.set(pressTx + e.getX() - pressScreen.getX());
            translateY.set(pressTy + e.getY() - pressScreen.getY());
        }
    }

    private void released(MouseEvent e) {
        if (pressScreen == null || e.getButton() != MouseButton.PRIMARY) {
            pressScreen = null;
            return;
        }
        boolean toggle = e.isShiftDown() || e.isControlDown() || e.isShortcutDown();
        if (rubberBand && moved && bandEnd != null) {
            Point2D a = toDiagram(Math.min(pressScreen.getX(), bandEnd.getX()),
                    Math.min(pressScreen.getY(), bandEnd.getY()));
            Point2D b = toDiagram(Math.max(pressScreen.getX(), bandEnd.getX()),
                    Math.max(pressScreen.getY(), bandEnd.getY()));
            viewModel.selectNodes(viewModel.nodesInside(a.getX(), a.getY(), b.getX() - a.getX(),
                    b.getY() - a.getY()), true);
        } else if (!moved && e.getClickCount() == 2 && !toggle) {
            Point2D p = toDiagram(e.getX(), e.getY());
            viewModel.laidOut().nodeAt(p.getX(), p.getY()).filter(box -> box.node().id().equals(lastClicked))
                    .ifPresent(box -> viewModel.toggleFold(box.node().id()));
        } else if (!moved) {
            clickAt(e.getX(), e.getY(), toggle);
            Point2D p = toDiagram(e.getX(), e.getY());
            lastClicked = viewModel.laidOut().nodeAt(p.getX(), p.getY()).map(b -> b.node().id()).orElse(null);
        }
        rubberBand = false;
        bandEnd = null;
        dragging = null;
        pressScreen = null;
        repaint();
    }

    /** Selects what is under a screen point: a node, else an edge, else clears the selection. */
    public void clickAt(double sx, double sy, boolean toggle) {
        Point2D p = toDiagram(sx, sy);
        Optional<NodeBox> node = viewModel.laidOut().nodeAt(p.getX(), p.getY());
        if (node.isPresent()) {
            viewModel.selectNode(node.get().node().id(), toggle);
            return;
        }
        Optional<EdgeRoute> edge = viewModel.laidOut().edgeAt(p.getX(), p.getY(), 5 / scale.get());
        if (edge.isPresent()) {
            viewModel.selectEdge(edge.get().edge().id(), toggle);
        } else if (!toggle) {
            viewModel.clearSelection();
        }
    }

    private void hover(MouseEvent e) {
        Point2D p = toDiagram(e.getX(), e.getY());
        Optional<NodeBox> node = viewModel.laidOut().nodeAt(p.getX(), p.getY());
        String id = node.map(b -> b.node().id()).orElse(null);
        if (java.util.Objects.equals(id, hovered)) {
            return;
        }
        hovered = id;
        if (node.isPresent()) {
            var n = node.get().node();
            tooltip.setText(n.label() + (n.secondaryLabel() == null ? "" : "\n" + n.secondaryLabel()) + "\n"
                    + n.kind().displayName() + (n.id().startsWith("arn:") ? "\n" + n.id() : ""));
            Tooltip.install(this, tooltip);
        } else {
            Tooltip.uninstall(this, tooltip);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.0015, e.getDeltaY());
        zoomAround(scale.get() * factor, e.getX(), e.getY());
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (e.isControlDown() || e.isMetaDown() || e.isAltDown()) {
            return;
        }
        double step = 60;
        switch (e.getCode()) {
            case LEFT -> panBy(step, 0);
            case RIGHT -> panBy(-step, 0);
            case UP -> panBy(0, step);
            case DOWN -> panBy(0, -step);
            case ESCAPE -> viewModel.clearSelection();
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0 -> fit();
            case DIGIT1, NUMPAD1 -> actualSize();
            case F -> viewModel.focusModeProperty().set(!viewModel.focusModeProperty().get());
            case P -> viewModel.highlightPathBetweenSelection();
            case L -> legendVisible.set(!legendVisible.get());
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void showContextMenu(MouseEvent e) {
        Point2D p = toDiagram(e.getX(), e.getY());
        Optional<NodeBox> node = viewModel.laidOut().nodeAt(p.getX(), p.getY());
        if (node.isPresent() && !viewModel.selectedNodes().contains(node.get().node().id())) {
            viewModel.selectNode(node.get().node().id(), false);
        }
        MenuItem focus = new MenuItem("Focus on selection");
        focus.setOnAction(a -> viewModel.focusModeProperty().set(true));
        MenuItem path = new MenuItem("Highlight path between the two selected");
        path.setDisable(viewModel.selectedNodes().size() != 2);
        path.setOnAction(a -> viewModel.highlightPathBetweenSelection());
        MenuItem fold = new MenuItem("Fold group");
        fold.setOnAction(a -> viewModel.collapseSelectedGroups());
        MenuItem unfold = new MenuItem("Unfold");
        unfold.setOnAction(a -> viewModel.expandSelectedGroups());
        MenuItem fitItem = new MenuItem("Fit to view");
        fitItem.setOnAction(a -> fit());
        CheckMenuItem legend = new CheckMenuItem("Show legend (L)");
        legend.selectedProperty().bindBidirectional(legendVisible);
        ContextMenu menu = new ContextMenu(focus, path, new SeparatorMenuItem(), fold, unfold,
                new SeparatorMenuItem(), fitItem, legend);
        menu.setAutoHide(true);
        menu.show(this, e.getScreenX(), e.getScreenY());
    }
}
