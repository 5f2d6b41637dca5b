package ro.cluj.crt.events.api;

/**
 * How an organisation keeps its commitments: every commitment it leads or co-signs, by where it stands today.
 *
 * @param made the number of commitments it is bound by, whatever their standing
 */
public record Scorecard(String organisationId, String name, long made, long onTrack, long atRisk, long late,
                        long fulfilled, long abandoned) {
}
