package ro.cluj.crt.events.api;

import java.util.List;

/** Everything an organisation committed to, as lead or co-signer, and how it kept it. */
public record OrganisationCommitments(Scorecard scorecard, List<Commitment> commitments) {

    /** @param role {@code lead} or {@code co-signer} */
    public record Commitment(String role, CommitmentSummary commitment) {
    }
}
