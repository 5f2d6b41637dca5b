package ro.cluj.crt.importer;

import java.io.PrintStream;
import java.util.List;

/** What a run did, printed at its end; commitments and progress reports only when a file holds measures. */
record Summary(List<MappedFile> files, int organisations, int interviews, int commitments, int progressReports,
               int badRecords, long highestPosition) {

    int recordsRead() {
        return files.stream().mapToInt(MappedFile::recordCount).sum();
    }

    void print(PrintStream out) {
        out.println("records read:            " + recordsRead() + perFile());
        out.println("organisations submitted: " + organisations);
        out.println("interviews submitted:    " + interviews);
        if (files.stream().anyMatch(file -> !file.measures().isEmpty())) {
            out.println("commitments submitted:   " + commitments);
            out.println("progress reports:        " + progressReports);
        }
        out.println("bad records:             " + badRecords);
        if (highestPosition < 0) {
            out.println("highest position:        none (nothing went in)");
        } else {
            out.println("highest position:        " + highestPosition + " (read the report with ?minPosition="
                    + highestPosition + ")");
        }
    }

    private String perFile() {
        if (files.isEmpty()) {
            return "";
        }
        return files.stream()
                .map(file -> file.dataSet().label() + " " + file.recordCount())
                .reduce((a, b) -> a + ", " + b)
                .map(list -> " (" + list + ")")
                .orElse("");
    }
}
