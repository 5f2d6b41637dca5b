package ro.cluj.crt.command.write;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import ro.cluj.crt.events.api.WriteReceipt;

/** Write answers carry the version as an ETag, ready for the next {@code If-Match}. */
public final class WriteResponses {

    private WriteResponses() {
    }

    public static ResponseEntity<WriteReceipt> created(URI location, WriteReceipt receipt) {
        return ResponseEntity.created(location).eTag(etag(receipt)).body(receipt);
    }

    public static ResponseEntity<WriteReceipt> ok(WriteReceipt receipt) {
        return ResponseEntity.ok().eTag(etag(receipt)).body(receipt);
    }

    private static String etag(WriteReceipt receipt) {
        return "\"" + receipt.version() + "\"";
    }
}
