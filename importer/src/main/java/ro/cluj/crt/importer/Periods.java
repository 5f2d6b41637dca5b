package ro.cluj.crt.importer;

import java.time.LocalDate;

/** Checks that a measure's period is a period. */
final class Periods {

    private Periods() {
    }

    static void check(LocalDate start, LocalDate end, String endColumn) throws BadRecordException {
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadRecordException("column '" + endColumn + "': " + end + " is before the start " + start);
        }
    }
}
