package ro.cluj.crt.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web addresses written into a free-text note, in order, each once. */
final class Links {

    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s;\"<>]+");
    private static final String TRAILING_PUNCTUATION = ".,:!?'";

    private Links() {
    }

    static List<String> in(String text) {
        List<String> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher matcher = ADDRESS.matcher(text);
        while (matcher.find()) {
            String link = trimEnd(matcher.group());
            if (!links.contains(link)) {
                links.add(link);
            }
        }
        return links;
    }

    // an address in prose is often followed by punctuation or closes a parenthesis the prose opened
    private static String trimEnd(String link) {
        String trimmed = link;
        boolean changed = true;
        while (changed && !trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unbalanced = last == ')' && count(trimmed, '(') < count(trimmed, ')');
            changed = TRAILING_PUNCTUATION.indexOf(last) >= 0 || unbalanced;
            if (changed) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
