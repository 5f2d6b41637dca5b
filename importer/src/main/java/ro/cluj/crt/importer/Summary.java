package ro.cluj.crt.importer;

import java.io.PrintStream;
import java.util.List;

/**
 * What a run did, printed at its end; commitments and progress reports only when a file holds measures or Decidim
 * results, revisions and fulfilled or abandoned commitments only when one holds Decidim results.
 */
record Summary(List<MappedFile> files, int organisations, int interviews, int commitments, int revisions,
               int progressReports, int closings, int badRecords, long highestPosition) {

    int recordsRead() {
        return files.stream().mapToInt(MappedFile::recordCount).sum();
    }

    void print(PrintStream out) {
        out.println("records read:            " + recordsRead() + perFile());
        out.println("organisations submitted: " + organisations);
        out.println("interviews submitted:    " + interviews);
        boolean results = files.stream().anyMatch(file -> file.dataSet() == DataSet.DECIDIM_RESULTS);
        if (results || files.stream().anyMatch(file -> !file.measures().isEmpty())) {
            out.println("commitments submitted:   " + commitments);
        }
        if (results) {
            out.println("commitment revisions:    " + revisions);
        }
        if (results || files.stream().anyMatch(file -> !file.measures().isEmpty())) {
            out.println("progress reports:        " + progressReports);
        }
        if (results) {
            out.println("fulfilled or abandoned:  " + closings);
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
