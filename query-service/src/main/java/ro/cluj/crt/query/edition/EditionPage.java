package ro.cluj.crt.query.edition;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import ro.cluj.crt.events.api.EditionSummary;
import ro.cluj.crt.events.api.EditionView;
import ro.cluj.crt.events.api.ReportView;

/**
 * An edition as a plain, self-contained web page: no script, every text escaped, the hash shown so that a reader can
 * check the JSON they download against it.
 */
final class EditionPage {

    private EditionPage() {
    }

    static String render(EditionView edition, EditionSummary summary) {
        StringBuilder html = new StringBuilder(8_192);
        String title = "Edition " + edition.number() + ": " + edition.title();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append(" | Cluj Resilience Tracker</title>\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.atom\">\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;")
                .append("line-height:1.5}table{border-collapse:collapse}th,td{border:1px solid #767676;")
                .append("padding:.25rem .5rem;text-align:left}code{word-break:break-all}</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(escape(title)).append("</h1>\n<p>Published ")
                .append(edition.publishedOn());
        if (edition.weekOf() != null) {
            html.append(", for the week of ").append(edition.weekOf());
        }
        html.append(". SHA-256 of its <a href=\"").append(edition.number()).append("\">canonical JSON</a>: <code>")
                .append(summary.sha256()).append("</code>. <a href=\"").append(edition.number())
                .append(".csv\">Measures as CSV</a>.</p>\n");
        if (edition.corrects() != null) {
            html.append("<p><strong>Corrects edition ").append(edition.corrects()).append(":</strong> ")
                    .append(escape(edition.reason())).append("</p>\n");
        }
        if (!summary.correctedBy().isEmpty()) {
            html.append("<p><strong>Corrected by ").append(summary.correctedBy().size() == 1 ? "edition " : "editions ")
                    .append(summary.correctedBy().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")))
                    .append(".</strong></p>\n");
        }
        if (edition.note() != null) {
            html.append("<p>").append(escape(edition.note())).append("</p>\n");
        }
        ReportView.Totals totals = edition.report().totals();
        html.append("<h2>In numbers</h2>\n<ul>\n<li>").append(totals.organisations())
                .append(" organisations</li>\n<li>").append(totals.interviews()).append(" interviews</li>\n<li>")
                .append(totals.measures()).append(" measures</li>\n</ul>\n");
        EditionView.Changes changes = edition.changes();
        html.append("<h2>Since ").append(changes.since() == null ? "the start" : "edition " + changes.since())
                .append("</h2>\n<ul>\n<li>New measures: ").append(changes.newMeasures().size())
                .append("; no longer published: ").append(changes.removedMeasureIds().size())
                .append("</li>\n<li>Organisations named for the first time: ").append(changes.newOrganisations().size())
                .append("</li>\n<li>Kinds of support need that appeared: ")
                .append(changes.supportNeedsAppeared().size())
                .append("; that disappeared: ").append(changes.supportNeedsDisappeared().size())
                .append("</li>\n</ul>\n");
        html.append("<h2>Measures by field</h2>\n<table>\n<thead><tr><th scope=\"col\">Field</th>")
                .append("<th scope=\"col\">Organisations</th><th scope=\"col\">Measures</th></tr></thead>\n<tbody>\n");
        for (ReportView.FieldCount field : edition.report().byField()) {
            html.append("<tr><td>").append(escape(field.field().english())).append("</td><td>")
                    .append(field.organisations()).append("</td><td>").append(field.measures()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        measures(html, edition.measures());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void measures(StringBuilder html, List<EditionView.PublishedMeasure> measures) {
        html.append("<h2>Measures</h2>\n<table>\n<thead><tr><th scope=\"col\">Measure</th>")
                .append("<th scope=\"col\">Field</th><th scope=\"col\">Organisation</th></tr></thead>\n<tbody>\n");
        for (EditionView.PublishedMeasure measure : measures) {
            html.append("<tr><td>").append(escape(measure.title())).append("</td><td>")
                    .append(escape(measure.field().english())).append("</td><td>")
                    .append(measure.organisationName() == null ? "(not named; " + escape(measure.sector().english())
                            + ")" : escape(measure.organisationName()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
