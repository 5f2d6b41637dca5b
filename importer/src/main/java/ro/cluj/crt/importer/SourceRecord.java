package ro.cluj.crt.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** One data record of a CSV file: where it is and its values by column name, as in the file. */
record SourceRecord(RecordLocation where, Map<String, String> values) {

    /** The cleaned value of a column, or {@code null} when it is empty. */
    String text(String column) {
        return Text.clean(values.get(column));
    }

    /** The cleaned value of a column that must not be empty. */
    String required(String column) throws BadRecordException {
        String value = text(column);
        if (value == null) {
            throw new BadRecordException("column '" + column + "' is empty");
        }
        return value;
    }

    /** The parts of a multi-valued column. */
    List<String> list(String column) {
        return Text.split(values.get(column));
    }

    /** A date column that must hold a date in the given pattern. */
    LocalDate requiredDate(String column, DatePattern pattern) throws BadRecordException {
        return parse(column, required(column), pattern);
    }

    /** A date column that may be empty. */
    LocalDate date(String column, DatePattern pattern) throws BadRecordException {
        String value = text(column);
        return value == null ? null : parse(column, value, pattern);
    }

    static LocalDate parse(String column, String value, DatePattern pattern) throws BadRecordException {
        try {
            return LocalDate.parse(value, pattern.format());
        } catch (DateTimeParseException e) {
            throw new BadRecordException("column '" + column + "': '" + value + "' is not a date ("
                    + pattern.shown() + ")");
        }
    }

    /** A date layout used by a data set, and how to name it in a message. */
    record DatePattern(DateTimeFormatter format, String shown) {
    }
}
