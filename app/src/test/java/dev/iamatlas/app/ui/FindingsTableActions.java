package dev.iamatlas.app.ui;

import dev.iamatlas.app.explore.FindingRow;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests do in the findings table, as a user does it. */
final class FindingsTableActions {
    private FindingsTableActions() {
    }

    /** Scrolls the findings table to {@code finding} and clicks its row. */
    @SuppressWarnings("unchecked")
    static void clickFinding(FxRobot robot, FindingRow finding) {
        TableView<FindingRow> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(finding));
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<FindingRow> row = robot.lookup(".table-row-cell").match(r -> r instanceof TableRow<?> t
                && t.getItem() == finding).queryAs(TableRow.class);
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
