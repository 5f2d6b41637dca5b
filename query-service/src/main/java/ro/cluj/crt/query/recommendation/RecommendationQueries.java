package ro.cluj.crt.query.recommendation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ro.cluj.crt.events.person.ContactDetails;
import ro.cluj.crt.events.person.PersonId;
import ro.cluj.crt.query.config.ViewJson;

/** Reads of the recommendation view that other features need, such as the admin's search for a person. */
@Component
public class RecommendationQueries {

    private final JdbcTemplate jdbc;

    public RecommendationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The recommender of a recommendation, with their details still sealed. */
    public record Recommender(PersonId personId, String recommendationId, ContactDetails details) {
    }

    /** Every recommender the view holds, erased ones included (they open as erased). */
    public List<Recommender> everyRecommender() {
        return jdbc.query("SELECT recommender_id, recommendation_id, recommender FROM recommendation"
                        + " ORDER BY received_at, recommendation_id",
                (row, i) -> new Recommender(PersonId.of(row.getString("recommender_id")),
                        row.getString("recommendation_id"),
                        ViewJson.read(row.getString("recommender"), new TypeReference<ContactDetails>() { })));
    }
}
