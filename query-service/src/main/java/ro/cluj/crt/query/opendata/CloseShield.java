package ro.cluj.crt.query.opendata;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets a writer be closed (and so flushed) without closing the stream beneath, such as a ZIP entry's. */
final class CloseShield extends FilterOutputStream {

    private CloseShield(OutputStream out) {
        super(out);
    }

    static OutputStream of(OutputStream out) {
        return new CloseShield(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
