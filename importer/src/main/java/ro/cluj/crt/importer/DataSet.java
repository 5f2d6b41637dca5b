package ro.cluj.crt.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The data sets the importer knows, each recognised by the columns its header must have. Record data sets map each
 * record by their {@link RecordMapper}; the factsheet updates and Decidim results are mapped as a whole.
 */
enum DataSet {
    OXCGRT("oxcgrt", OxcgrtMapper.COLUMNS, new OxcgrtMapper()),
    EUROFOUND("eurofound", EurofoundMapper.COLUMNS, new EurofoundMapper()),
    /** Mapped as a whole by {@link FactsheetMapper}: several rows make one measure. */
    FACTSHEET_UPDATES("factsheet-updates", FactsheetMapper.COLUMNS, null),
    /** Mapped by {@link DecidimMapper}, which needs the header (its language columns) and the command line. */
    DECIDIM_RESULTS("decidim-results", DecidimMapper.COLUMNS, null);

    private final String label;
    private final List<String> columns;
    private final RecordMapper mapper;

    DataSet(String label, List<String> columns, RecordMapper mapper) {
        this.label = label;
        this.columns = columns;
        this.mapper = mapper;
    }

    /** The data set whose columns the header has. */
    static Optional<DataSet> detect(List<String> header) {
        return Arrays.stream(values()).filter(set -> header.containsAll(set.columns)).findFirst();
    }

    String label() {
        return label;
    }

    List<String> columns() {
        return columns;
    }

    RecordMapper mapper() {
        return mapper;
    }
}
