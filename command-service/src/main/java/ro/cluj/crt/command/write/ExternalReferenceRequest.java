package ro.cluj.crt.command.write;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import ro.cluj.crt.events.ExternalReference;

/** An external reference as a client sends it. */
public record ExternalReferenceRequest(@NotBlank @Size(max = 200) String source, @NotBlank @Size(max = 200) String id) {

    public static ExternalReference toReference(ExternalReferenceRequest request) {
        return request == null ? null : new ExternalReference(request.source(), request.id());
    }
}
