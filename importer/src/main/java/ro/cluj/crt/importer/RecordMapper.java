package ro.cluj.crt.importer;

/** Turns one record of a data set into what is submitted for it. */
interface RecordMapper {

    Submission map(SourceRecord record) throws BadRecordException;
}
