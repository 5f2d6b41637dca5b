package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small history with every kind of fact the catalogue view handles: registrations, a correction, interviews under
 * each consent, an amendment and a retraction.
 */
final class History {

    /** Measures that count after {@link #record}: two, one (amended), one; the retracted one does not. */
    static final long COUNTED_MEASURES = 4;

    private History() {
    }

    /** Records the history through the staff API; answers the position of its last event. */
    static long record(TrackerClient staff) {
        String library = create(staff, "/api/organisations",
                "{\"name\":\"Biblioteca Judeteana\",\"sector\":\"public-authority\",\"authorityLevel\":\"regional\"}");
        String company = create(staff, "/api/organisations", "{\"name\":\"Fabrica de masti\",\"sector\":\"business\"}");
        String ngo = create(staff, "/api/organisations",
                "{\"name\":\"Asociatia Vecinilor\",\"sector\":\"civil-society\"}");
        ok(staff.post("/api/organisations/" + company + "/corrections",
                "{\"name\":\"Fabrica de masti SRL\",\"sector\":\"business\",\"reason\":\"legal name\"}"));
        create(staff, "/api/organisations/" + library + "/interviews", interview("publish",
                "{\"field\":\"culture\",\"description\":\"Online reading club\"},"
                        + "{\"field\":\"education-and-childcare\",\"description\":\"Homework help by phone\"}",
                "\"supportNeeds\":[{\"kind\":\"digital-tools\",\"horizon\":\"medium-term\"}],"
                        + "\"supportOffer\":{\"willing\":true,\"fields\":[\"culture\",\"education-and-childcare\"]},"));
        String masks = create(staff, "/api/organisations/" + company + "/interviews", interview("publish-without-name",
                "{\"field\":\"health\",\"description\":\"Masks for hospitals\"}", ""));
        ok(staff.post("/api/interviews/" + masks + "/amendments", interview("publish-without-name",
                "{\"field\":\"business-continuity\",\"description\":\"Switched production to masks\"}",
                "\"reason\":\"the field was wrong\",")));
        create(staff, "/api/organisations/" + ngo + "/interviews", interview("not-for-publication",
                "{\"field\":\"social-support-and-basic-needs\",\"description\":\"Groceries for neighbours\"}",
                "\"supportNeeds\":[{\"kind\":\"volunteers-and-staff\",\"horizon\":\"short-term\"}],"));
        String retracted = create(staff, "/api/organisations/" + ngo + "/interviews", interview("publish",
                "{\"field\":\"culture\",\"description\":\"Recorded by mistake\"}", ""));
        TrackerClient.Response retraction = staff.post("/api/interviews/" + retracted + "/retraction",
                "{\"reason\":\"recorded for the wrong organisation\"}");
        ok(retraction);
        return retraction.json().get("position").asLong();
    }

    private static String interview(String consent, String measures, String more) {
        return "{\"date\":\"2020-05-04\",\"channel\":\"phone\",\"consent\":\"" + consent + "\"," + more
                + "\"measures\":[" + measures + "]}";
    }

    private static String create(TrackerClient staff, String path, String body) {
        TrackerClient.Response response = staff.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static void ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
