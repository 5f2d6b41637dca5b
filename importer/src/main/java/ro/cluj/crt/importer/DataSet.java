package ro.cluj.crt.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The data sets the importer knows, each recognised by the columns its header must have. */
enum DataSet {
    OXCGRT("oxcgrt", OxcgrtMapper.COLUMNS, new OxcgrtMapper()),
    EUROFOUND("eurofound", EurofoundMapper.COLUMNS, new EurofoundMapper());

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
