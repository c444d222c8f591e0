package dev.iamatlas.app.ui.navigator;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The navigator: a search box over a tree. Selecting an item (or Enter in the box) selects it in the graph. */
public final class NavigatorView extends VBox {
    public static final String STYLE_CLASS = "navigator";
    public static final String SEARCH_ID = "navigatorSearch";
    public static final String TREE_ID = "navigatorTree";

    private final NavigatorViewModel viewModel;
    private final TextField search = new TextField();
    private final TreeView<NavItem> tree = new TreeView<>();
    private boolean filling;

    public NavigatorView(NavigatorViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(STYLE_CLASS);
        search.setId(SEARCH_ID);
        search.setPromptText("Find by name or ARN");
        search.textProperty().bindBidirectional(viewModel.filterProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.firstMatch().ifPresent(match -> {
                    selectInTree(match);
                    viewModel.select(match);
                });
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            } else if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                if (tree.getSelectionModel().isEmpty()) {
                    tree.getSelectionModel().select(0);
                }
            }
        });
        FontIcon icon = new FontIcon(MaterialDesignM.MAGNIFY);
        HBox box = new HBox(6, icon, search);
        box.getStyleClass().add("search-box");
        HBox.setHgrow(search, Priority.ALWAYS);

        tree.setId(TREE_ID);
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new NavCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!filling && item != null) {
                viewModel.select(item.getValue());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label title = new Label("Navigator");
        title.getStyleClass().add("panel-title");
        getChildren().addAll(title, box, tree);
        viewModel.shownProperty().addListener((o, a, b) -> fill(b));
        fill(viewModel.shownProperty().get());
    }

    public TextField searchField() {
        return search;
    }

    private void fill(NavItem root) {
        filling = true;
        try {
            boolean filtered = viewModel.filterProperty().get() != null && !viewModel.filterProperty().get().isBlank();
            tree.setRoot(root == null ? null : item(root, 0, filtered));
        } finally {
            filling = false;
        }
    }

    private TreeItem<NavItem> item(NavItem nav, int depth, boolean expandAll) {
        TreeItem<NavItem> item = new TreeItem<>(nav);
        item.setExpanded(expandAll || depth < 2);
        for (NavItem child : nav.children()) {
            item.getChildren().add(item(child, depth + 1, expandAll));
        }
        return item;
    }

    private void selectInTree(NavItem target) {
        TreeItem<NavItem> found = find(tree.getRoot(), target);
        if (found != null) {
            filling = true;
            try {
                tree.getSelectionModel().select(found);
                tree.scrollTo(tree.getRow(found));
            } finally {
                filling = false;
            }
        }
    }

    private static TreeItem<NavItem> find(TreeItem<NavItem> item, NavItem target) {
        if (item == null) {
            return null;
        }
        if (item.getValue().equals(target)) {
            return item;
        }
        for (TreeItem<NavItem> child : item.getChildren()) {
            TreeItem<NavItem> found = find(child, target);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static final class NavCell extends TreeCell<NavItem> {
        private final Label label = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(6, label, detail);

        NavCell() {
            detail.getStyleClass().add("nav-detail");
        }

        @Override
        protected void updateItem(NavItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            label.setText(item.label());
            detail.setText(item.detail());
            setText(null);
            setGraphic(box);
        }
    }
}
