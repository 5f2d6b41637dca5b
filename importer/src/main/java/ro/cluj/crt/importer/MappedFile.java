package ro.cluj.crt.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A data file mapped: what its good records become (interviews of organisations, monitored measures, or Decidim
 * results), and its bad records.
 */
record MappedFile(String name, DataSet dataSet, int recordCount, List<Submission> submissions,
                  List<MonitoredMeasure> measures, List<DecidimResult> results, List<BadRecord> bad) {

    /** Reads and maps a file with the default Decidim settings. */
    static MappedFile read(Path path) throws IOException {
        return read(path, DecidimSettings.defaults());
    }

    /** Reads and maps a file; fails when it cannot be read or is of no known data set. */
    static MappedFile read(Path path, DecidimSettings decidim) throws IOException {
        return map(CsvFile.read(path), decidim);
    }

    static MappedFile map(CsvFile file) throws IOException {
        return map(file, DecidimSettings.defaults());
    }

    static MappedFile map(CsvFile file, DecidimSettings decidim) throws IOException {
        DataSet dataSet = DataSet.detect(file.header()).orElseThrow(() -> new IOException(
                "the header is of no known data set (OxCGRT needs " + DataSet.OXCGRT.columns()
                + "; Eurofound PolicyWatch needs " + DataSet.EUROFOUND.columns()
                + "; Eurofound factsheet updates need " + DataSet.FACTSHEET_UPDATES.columns()
                + "; Decidim results need " + DataSet.DECIDIM_RESULTS.columns() + ")"));
        List<Submission> submissions = new ArrayList<>();
        List<MonitoredMeasure> measures = new ArrayList<>();
        List<DecidimResult> results = new ArrayList<>();
        List<BadRecord> bad = new ArrayList<>(file.unreadable());
        if (dataSet == DataSet.FACTSHEET_UPDATES) {
            FactsheetMapper.Result result = FactsheetMapper.map(file.records());
            measures.addAll(result.measures());
            bad.addAll(result.bad());
        }
        if (dataSet == DataSet.DECIDIM_RESULTS) {
            DecidimMapper.Result result = DecidimMapper.map(file.header(), file.records(), decidim);
            results.addAll(result.results());
            bad.addAll(result.bad());
        }
        for (SourceRecord record : dataSet.mapper() == null ? List.<SourceRecord>of() : file.records()) {
            try {
                submissions.add(dataSet.mapper().map(record));
            } catch (BadRecordException e) {
                bad.add(new BadRecord(record.where(), e.getMessage()));
            }
        }
        bad.sort((a, b) -> Long.compare(a.where().record(), b.where().record()));
        return new MappedFile(file.name(), dataSet, file.recordCount(), submissions, measures, results, bad);
    }
}
