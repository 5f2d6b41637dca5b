package ro.cluj.crt.support.web;

/** One bad field of a request: its path in the body ({@code measures[0].startDate}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
