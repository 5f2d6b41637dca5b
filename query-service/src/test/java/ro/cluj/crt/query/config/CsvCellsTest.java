package ro.cluj.crt.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textsThatASpreadsheetWouldReadAsFormulasGetALeadingApostrophe() {
        assertThat(CsvCells.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.safe("+SUM(1+1)")).isEqualTo("'+SUM(1+1)");
        assertThat(CsvCells.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.safe("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvCells.safe("\tx")).isEqualTo("'\tx");
    }

    @Test
    void leavesOtherTextsNumbersAndEmptyCellsAsTheyAre() {
        assertThat(CsvCells.safe("Food bank = hope")).isEqualTo("Food bank = hope");
        assertThat(CsvCells.safe("")).isEqualTo("");
        assertThat(CsvCells.safe(null)).isNull();
        assertThat(CsvCells.safe(-5)).isEqualTo(-5);
    }
}
