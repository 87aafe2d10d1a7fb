package org.equireg.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.equireg.examples.cli.TextTable.Align;
import org.equireg.examples.cli.TextTable.Column;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsTextLeftAndNumbersRight() {
        TextTable table = new TextTable(List.of(new Column("run", Align.LEFT), new Column("acc", Align.RIGHT)));
        table.addRow("baseline", "9.5%").addRow("best", "97.25%");
        assertEquals(String.join("\n",
                "run          acc",
                "--------  ------",
                "baseline    9.5%",
                "best      97.25%",
                ""), table.render());
    }

    @Test
    void rowsMustMatchTheColumns() {
        TextTable table = new TextTable(List.of(new Column("a", Align.LEFT), new Column("b", Align.LEFT)));
        assertThrows(IllegalArgumentException.class, () -> table.addRow("only one"));
        assertThrows(IllegalArgumentException.class, () -> new TextTable(List.of()));
    }

    @Test
    void rowsAreCopies() {
        TextTable table = new TextTable(List.of(new Column("a", Align.LEFT)));
        String[] row = {"x"};
        table.addRow(row);
        row[0] = "changed";
        table.rows().get(0)[0] = "changed too";
        assertEquals("x", table.rows().get(0)[0]);
    }
}
