package cn.huikuan.ui;

import cn.huikuan.application.ListQuery;
import cn.huikuan.application.Page;
import cn.huikuan.domain.AgingBucket;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Objects;

/**
 * A table whose rows come a page at a time from the database: sorting a column, filtering and paging
 * each run one query in the background; the table never holds more than one page.
 */
public final class PagedTable<T> {
    private final AppContext ctx;
    private final TableView<T> table = new TableView<>();
    private final Function<ListQuery, Page<T>> loader;
    private final Map<TableColumn<T, ?>, String> sortKeys = new HashMap<>();
    private final Label pageLabel = new Label();
    private final Button prev = new Button();
    private final Button next = new Button();
    private final BorderPane root = new BorderPane();
    private ListQuery query;
    private Page<T> current;
    private long generation;
    private Consumer<Page<T>> onLoaded = p -> { };

    public PagedTable(AppContext ctx, String id, int pageSize, Function<ListQuery, Page<T>> loader) {
        this.ctx = ctx;
        this.loader = loader;
        this.query = ListQuery.first(pageSize);
        table.setId(id);
        table.setItems(FXCollections.observableArrayList());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(ctx.t("list.empty")));
        table.setSortPolicy(tv -> {
            String key = null;
            boolean asc = true;
            if (!tv.getSortOrder().isEmpty()) {
                TableColumn<T, ?> c = tv.getSortOrder().get(0);
                key = sortKeys.get(c);
                asc = c.getSortType() == TableColumn.SortType.ASCENDING;
            }
            if (!Objects.equals(key, query.sortKey()) || (key != null && asc != query.ascending())) {
                query = query.withSort(key, asc);
                reload();
            }
            return true;
        });
        prev.setText("‹ " + ctx.t("list.prev"));
        prev.setId(id + "-prev");
        next.setText(ctx.t("list.next") + " ›");
        next.setId(id + "-next");
        pageLabel.setId(id + "-page");
        prev.setOnAction(e -> goTo(query.page() - 1));
        next.setOnAction(e -> goTo(query.page() + 1));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pager = new HBox(8, spacer, prev, pageLabel, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.setPadding(new Insets(6, 0, 0, 0));
        root.setCenter(table);
        root.setBottom(pager);
    }

    public TableColumn<T, String> column(String title, Function<T, String> value, String sortKey, double prefWidth) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(prefWidth);
        c.setSortable(sortKey != null);
        if (sortKey != null) sortKeys.put(c, sortKey);
        table.getColumns().add(c);
        return c;
    }

    public void rightAlign(TableColumn<T, ?> c) {
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }

    /** The filter, sort and page the table shows now (an export takes the same rows, all pages). */
    public ListQuery query() {
        return query;
    }

    public void setText(String text) {
        query = query.withText(text);
        reload();
    }

    public void setBucket(AgingBucket bucket) {
        query = query.withBucket(bucket);
        reload();
    }

    private void goTo(int page) {
        if (page < 0 || (current != null && page >= current.pageCount())) return;
        query = query.withPage(page);
        reload();
    }

    public void reload() {
        long gen = ++generation;
        ListQuery q = query;
        ctx.tasks().run(ctx.t("task.loading"), p -> loader.apply(q), page -> {
            if (gen != generation) return;
            current = page;
            T selected = table.getSelectionModel().getSelectedItem();
            table.getItems().setAll(page.rows());
            if (selected != null) table.getSelectionModel().select(selected);
            pageLabel.setText(ctx.t("list.page", page.page() + 1, page.pageCount(), page.total()));
            prev.setDisable(page.page() == 0);
            next.setDisable(page.page() + 1 >= page.pageCount());
            onLoaded.accept(page);
        });
    }

    public void setOnLoaded(Consumer<Page<T>> c) {
        this.onLoaded = c;
    }

    public TableView<T> table() {
        return table;
    }

    public BorderPane node() {
        return root;
    }

    public Page<T> currentPage() {
        return current;
    }
}
