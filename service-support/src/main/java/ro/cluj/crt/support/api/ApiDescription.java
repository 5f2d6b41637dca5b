package ro.cluj.crt.support.api;

/**
 * What a service says about itself at the top of its OpenAPI document.
 *
 * @param title             the document's title
 * @param summary           what the service is for, in a paragraph (Markdown)
 * @param checksDomainRules whether its writes answer 422 when a body breaks a domain rule
 */
public record ApiDescription(String title, String summary, boolean checksDomainRules) {
}
