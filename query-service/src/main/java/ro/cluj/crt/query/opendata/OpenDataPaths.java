package ro.cluj.crt.query.opendata;

/** The addresses of the public exports and the open-data archive: all public, like the lists they export. */
public final class OpenDataPaths {

    public static final String[] PUBLIC = {"/api/organisations.csv", "/api/organisations.json",
        "/api/interviews.csv", "/api/interviews.json", "/api/measures.csv", "/api/measures.json",
        "/api/editions.csv", "/api/editions.json", "/api/lessons.csv", "/api/lessons.json", "/api/sessions.csv",
        "/api/sessions.json", "/api/dashboard/scorecards.json", "/api/open-data.zip"};

    private OpenDataPaths() {
    }
}
