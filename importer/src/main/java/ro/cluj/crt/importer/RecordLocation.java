package ro.cluj.crt.importer;

/**
 * Where a record is: its file, its number among the data records (the header is not counted) and the physical line
 * it starts on (the header is line 1; a line ends at a CRLF, a LF or a bare CR, so a record whose text holds line
 * breaks spans several lines).
 */
record RecordLocation(String file, long record, long line) {

    @Override
    public String toString() {
        String where = file + ", record " + record;
        return line == record ? where : where + " (line " + line + ")";
    }
}
