package ro.cluj.crt.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * The public web pages in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, nothing
 * downloaded), on the real data: each page loads in both languages, each chart shows the numbers the JSON API
 * answers (read back from the rendered page), axe-core finds no WCAG 2.2 A or AA violation, nothing is wider than a
 * 360-pixel phone, and a screenshot of each page at 360 and 1280 pixels is kept in {@code target/screenshots}.
 */
class PagesBrowserIT {

    @RegisterExtension
    static final RunningTracker system = new RunningTracker();

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Installed from the npm registry by the build ({@code npm ci} in target/browser), pinned by the lock file. */
    private static final Path AXE = Path.of("target", "browser", "node_modules", "axe-core", "axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final int PHONE = 360;
    private static final int DESKTOP = 1280;
    private static final int MAX_SCREENSHOT_HEIGHT = 6_000;
    private static final ZoneId CLUJ = ZoneId.of("Europe/Bucharest");
    private static final LocalDate TODAY = LocalDate.now(CLUJ);

    private static Path profile;
    private static ChromeDriver browser;
    private static String axe;

    private final TrackerClient staff = system.client().as("staff");
    private final TrackerClient monitor = system.client().as("monitor");
    private final TrackerClient anonymous = system.client();
    private long position;

    @BeforeAll
    static void startChromium() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium: apt-get install chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver: apt-get install chromium-driver").isExecutable();
        assertThat(AXE).as("axe-core, installed by the build's npm ci into target/browser").isRegularFile();
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        FileSystemUtils.deleteRecursively(SCREENSHOTS);
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("crt-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--hide-scrollbars", "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Test
    void everyPageShowsTheRealDataInBothLanguagesAccessiblyOnPhoneAndDesktop() throws Exception {
        position = ImporterRun.realData(system, "oxcgrt_responses_romania_2020.csv",
                "eurofound_policywatch_2022-01-31.csv", "eurofound_policywatch_romania_factsheet_updates_2024-10.csv")
                .position();
        String government = organisationNamed("National government (Romania)");
        position = Math.max(position, created(staff.post("/api/editions",
                "{\"number\":1,\"title\":\"Week 1: the real data\"}")).position());
        holdSession(government, 17, List.of("funding", "expertise-and-training"));
        holdSession(government, 3, List.of("funding"));
        String followed = commitmentWithProgress(government);

        report();
        dashboard();
        commitment(followed);
        commitment(longestFactsheetTimeline());
        organisation(government);
        inRomanian();
    }

    private void report() {
        open("/report", "report");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as("the browser asks for English")
                .isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Weekly report");
        JsonNode report = json("/api/report");
        JsonNode insights = json("/api/insights");

        for (String total : List.of("organisations", "interviews", "measures")) {
            assertThat(Long.parseLong(text(browser.findElement(By.cssSelector("[data-total=" + total + "]")))))
                    .as(total).isEqualTo(report.get("totals").get(total).asLong());
        }
        Map<String, Long> needs = new TreeMap<>();
        Map<String, Long> atSessions = new TreeMap<>();
        for (JsonNode week : insights.get("supportNeedsByWeek")) {
            needs.merge(week.get("weekOf").asText(), week.get("needs").asLong(), Long::sum);
            if (week.get("raisedIn").asText().equals("session")) {
                atSessions.merge(week.get("weekOf").asText(), week.get("needs").asLong(), Long::sum);
            }
        }
        assertThat(needs).as("two sessions, two weeks apart, raised three needs").hasSize(2)
                .containsValues(2L, 1L);
        assertThat(bars("needs-by-week")).isEqualTo(needs);
        Map<String, List<String>> needsTable = table("needs-by-week");
        atSessions.forEach((week, count) -> assertThat(needsTable.get(week).get(1)).isEqualTo(count.toString()));

        assertThat(bars("fields-by-actors")).isNotEmpty()
                .isEqualTo(valuesOf(report.get("fieldsWithSeveralActors"), "field", "actors"));
        assertThat(bars("sectors")).isEqualTo(valuesOf(report.get("bySector"), "sector", "organisations"));
        Map<String, List<String>> sectors = table("sectors");
        report.get("bySector").forEach(sector -> assertThat(sectors.get(sector.get("sector").asText()).get(1))
                .isEqualTo(sector.get("measures").asText()));
        assertThat(bars("measures-by-field")).isEqualTo(valuesOf(report.get("byField"), "field", "measures"));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Edition 1: Week 1: the real data");
        checkAndKeep("report");
    }

    private void dashboard() {
        open("/commitments?lang=en", "dashboard");
        JsonNode dashboard = json("/api/dashboard");
        JsonNode total = dashboard.get("total");
        assertThat(bars("standings")).isEqualTo(Map.of("on-track", total.get("onTrack").asLong(),
                "at-risk", total.get("atRisk").asLong(), "late", total.get("late").asLong(),
                "fulfilled", total.get("fulfilled").asLong(), "abandoned", total.get("abandoned").asLong()));
        Map<String, Long> byField = new TreeMap<>();
        dashboard.get("byField").forEach(group -> byField.put(group.get("key").isNull() ? "none"
                : group.get("key").asText(), group.get("counts").get("commitments").asLong()));
        assertThat(bars("commitments-by-field")).isEqualTo(byField);
        Map<String, Long> reports = new TreeMap<>();
        dashboard.get("overTime").forEach(month -> {
            if (month.get("progressReports").asLong() > 0) {
                reports.put(month.get("month").asText(), month.get("progressReports").asLong());
            }
        });
        assertThat(bars("progress-by-month")).hasSizeGreaterThan(10).isEqualTo(reports);
        List<String> listed = browser.findElements(By.cssSelector("table[data-list=commitments] tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-id")).toList();
        List<String> first = new ArrayList<>();
        json("/api/dashboard/commitments?size=25").get("items")
                .forEach(item -> first.add(item.get("commitmentId").asText()));
        assertThat(listed).as("the first page of the list, by next due date").isEqualTo(first);
        checkAndKeep("dashboard");
    }

    private void commitment(String commitmentId) {
        open("/commitments/" + commitmentId + "?lang=en", "commitment " + commitmentId);
        JsonNode timeline = json("/api/commitments/" + commitmentId + "/timeline");
        List<String> expected = new ArrayList<>();
        for (JsonNode entry : timeline.get("entries")) {
            String date = entry.hasNonNull("occurredOn") ? entry.get("occurredOn").asText()
                    : Instant.parse(entry.get("recordedAt").asText()).atZone(CLUJ).toLocalDate().toString();
            JsonNode percentage = entry.get("content").get("percentage");
            expected.add(entry.get("sequence").asText() + " " + entry.get("type").asText() + " " + date + " "
                    + (percentage == null || percentage.isNull() ? "" : percentage.asText()));
        }
        List<String> drawn = browser.findElements(By.cssSelector("svg[data-chart=timeline] g.mark")).stream()
                .map(mark -> mark.getDomAttribute("data-sequence") + " " + mark.getDomAttribute("data-type") + " "
                        + mark.getDomAttribute("data-date") + " "
                        + (mark.getDomAttribute("data-percentage") == null ? ""
                        : mark.getDomAttribute("data-percentage")))
                .toList();
        assertThat(drawn).as("every step of the timeline at its date, with its percentage").isEqualTo(expected);
        assertThat(browser.findElements(By.cssSelector("ol[data-list=timeline] li"))).hasSameSizeAs(expected);
        checkAndKeep("commitment-" + commitmentId);
    }

    private void organisation(String organisationId) {
        open("/organisations/" + organisationId + "?lang=en", "organisation");
        JsonNode card = json("/api/organisations/" + organisationId + "/commitments").get("scorecard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(card.get("name").asText());
        assertThat(bars("scorecard")).isEqualTo(Map.of("on-track", card.get("onTrack").asLong(),
                "at-risk", card.get("atRisk").asLong(), "late", card.get("late").asLong(),
                "fulfilled", card.get("fulfilled").asLong(), "abandoned", card.get("abandoned").asLong()));
        assertThat(browser.findElements(By.cssSelector("table[data-list=commitments] tbody tr")))
                .hasSize(card.get("made").asInt());
        checkAndKeep("organisation");
    }

    /** Romanian when asked for, on every page; the charts carry the same numbers whatever the language. */
    private void inRomanian() {
        open("/report?lang=ro", "report in Romanian");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ro");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Raportul săptămânal");
        assertThat(bars("sectors")).isEqualTo(valuesOf(json("/api/report").get("bySector"), "sector",
                "organisations"));
        checkAndKeep("report-ro");
        open("/commitments?lang=ro", "dashboard in Romanian");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Angajamente");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Conform planului");
        checkAndKeep("dashboard-ro");
        assertThat(anonymous.get("/report?lang=fr").status()).as("an unknown language is a bad request")
                .isEqualTo(400);
        TrackerClient.Response bad = anonymous.get("/commitments?standing=nowhere&lang=fr&page=-1");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).as("every bad parameter named").containsExactlyInAnyOrder("standing", "lang", "page");
        assertThat(anonymous.get("/commitments/no-such-commitment").status()).isEqualTo(404);
        TrackerClient.Response page = anonymous.get("/report");
        assertThat(page.header("Vary")).contains("Accept-Language");
        assertThat(page.header("Projection-Position")).isNotBlank();
        assertThat(page.body()).contains("<html lang=\"ro\"");
    }

    private void open(String path, String what) {
        browser.manage().window().setSize(new Dimension(DESKTOP, 900));
        String separator = path.contains("?") ? "&" : "?";
        browser.get("http://127.0.0.1:" + system.tracker.queryPort() + path + separator + "minPosition=" + position);
        assertThat(browser.findElements(By.tagName("main"))).as(what + " loaded: " + browser.getPageSource())
                .hasSize(1);
    }

    /**
     * Runs axe-core on the page (WCAG 2.0, 2.1 and 2.2, levels A and AA), checks that nothing is wider than a phone,
     * and keeps a screenshot of the whole page at each width.
     */
    private void checkAndKeep(String name) {
        browser.executeScript(axe);
        Object violations = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(result => done(JSON.stringify(result.violations.map(v => ({id: v.id, impact: v.impact,
                       help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))))
                   .catch(error => done('axe failed: ' + error));""", WCAG);
        assertThat(violations.toString()).as(name + ": WCAG 2.2 A and AA violations found by axe-core")
                .isEqualTo("[]");
        for (int width : List.of(PHONE, DESKTOP)) {
            browser.manage().window().setSize(new Dimension(width, 900));
            JavascriptExecutor page = browser;
            long contentWidth = ((Number) page.executeScript("return document.documentElement.scrollWidth"))
                    .longValue();
            long viewport = ((Number) page.executeScript("return window.innerWidth")).longValue();
            assertThat(contentWidth).as(name + " fits " + width + " pixels without scrolling sideways")
                    .isLessThanOrEqualTo(viewport);
            long height = ((Number) page.executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 100,
                    MAX_SCREENSHOT_HEIGHT)));
            try {
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A chart's values as drawn: each bar's key and value, checked against the number written beside the bar and
     * against the chart's table.
     */
    private Map<String, Long> bars(String chart) {
        Map<String, Long> values = new TreeMap<>();
        Map<String, List<String>> table = table(chart);
        for (WebElement bar : browser.findElements(By.cssSelector("svg[data-chart=" + chart + "] g.bar"))) {
            String key = bar.getDomAttribute("data-key");
            long value = Long.parseLong(bar.getDomAttribute("data-value"));
            assertThat(text(bar.findElement(By.cssSelector("text.value")))).as(chart + " " + key + " as written")
                    .isEqualTo(Long.toString(value));
            assertThat(table.get(key)).as(chart + " " + key + " in the table").contains(Long.toString(value));
            values.put(key, value);
        }
        return values;
    }

    /** A chart's table: the cells of each row after its header, by the row's key. */
    private Map<String, List<String>> table(String chart) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("table[data-chart=" + chart + "] tbody tr"))) {
            rows.put(row.getDomAttribute("data-key"), row.findElements(By.tagName("td")).stream()
                    .map(PagesBrowserIT::text).toList());
        }
        return rows;
    }

    /** The text of an element, also of one in a closed {@code details} or inside an SVG. */
    private static String text(WebElement element) {
        return element.getDomProperty("textContent").strip();
    }

    private static Map<String, Long> valuesOf(JsonNode rows, String key, String value) {
        Map<String, Long> values = new TreeMap<>();
        rows.forEach(row -> values.put(row.get(key).asText(), row.get(value).asLong()));
        return values;
    }

    private JsonNode json(String path) {
        TrackerClient.Response response = anonymous.get(path + (path.contains("?") ? "&" : "?") + "minPosition="
                + position);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private String organisationNamed(String name) {
        for (int page = 0; ; page++) {
            JsonNode items = json("/api/organisations?size=100&page=" + page).get("items");
            assertThat(items).as(name + " is registered").isNotEmpty();
            for (JsonNode organisation : items) {
                if (organisation.get("name").asText().equals(name)) {
                    return organisation.get("id").asText();
                }
            }
        }
    }

    /** A working session held {@code daysAgo} that identified these kinds of support need. */
    private void holdSession(String organisationId, int daysAgo, List<String> needs) {
        LocalDate day = TODAY.minusDays(daysAgo);
        String session = created(staff.post("/api/sessions", """
                {"topic":"Support after the emergency, %s","date":"%s","place":"Cluj-Napoca, Sala de sticlă",
                 "lessonIds":[]}""".formatted(day, day))).id();
        ok(staff.post("/api/sessions/" + session + "/holding", "{\"heldOn\":\"%s\"}".formatted(day)));
        String kinds = String.join(",", needs.stream().map("{\"kind\":\"%s\"}"::formatted).toList());
        ok(staff.post("/api/sessions/" + session + "/outcomes", """
                {"recommendations":["Keep the measures that worked"],"supportNeeds":[%s],
                 "volunteeredSupport":[{"organisationId":"%s","field":"employment-and-income"}]}"""
                .formatted(kinds, organisationId)));
    }

    /** A commitment of the government with a milestone, two progress reports giving a percentage and a review. */
    private String commitmentWithProgress(String organisationId) {
        String commitment = created(staff.post("/api/commitments", """
                {"leadOrganisationId":"%s","title":"Keep the short-time work scheme ready",
                 "field":"employment-and-income","kind":"improve-measure","startDate":"%s","targetDate":"%s",
                 "milestones":[{"id":"rules","title":"Rules published","dueDate":"%s"}]}"""
                .formatted(organisationId, TODAY.minusMonths(6), TODAY.plusMonths(18), TODAY.plusMonths(3)))).id();
        ok(monitor.post("/api/commitments/" + commitment + "/progress",
                "{\"status\":\"on-track\",\"percentage\":25,\"reportedFor\":\"%s\"}".formatted(TODAY.minusMonths(4))));
        ok(monitor.post("/api/commitments/" + commitment + "/progress", """
                {"status":"delayed","percentage":40,"reportedFor":"%s","note":"the rules wait for the budget"}"""
                .formatted(TODAY.minusMonths(1))));
        ok(monitor.post("/api/commitments/" + commitment + "/reviews",
                "{\"assessment\":\"limited\",\"note\":\"slower than planned\"}"));
        return commitment;
    }

    /** Of the first commitments of the factsheet, the one with the most steps. */
    private String longestFactsheetTimeline() {
        String longest = null;
        int steps = 0;
        for (JsonNode item : json("/api/dashboard/commitments?size=30&sort=title").get("items")) {
            String id = item.get("commitmentId").asText();
            int count = json("/api/commitments/" + id + "/timeline").get("entries").size();
            if (id.startsWith("ef-") && count > steps) {
                longest = id;
                steps = count;
            }
        }
        assertThat(steps).as("a factsheet measure followed with several updates").isGreaterThan(3);
        return longest;
    }

    private record Created(String id, long position) {
    }

    private Created created(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        position = Math.max(position, response.json().path("position").asLong(position));
        String location = response.headers().get("location").getFirst();
        return new Created(response.json().has("id") ? response.json().get("id").asText()
                : location.substring(location.lastIndexOf('/') + 1), position);
    }

    private void ok(TrackerClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        position = Math.max(position, response.json().path("position").asLong(position));
    }
}
