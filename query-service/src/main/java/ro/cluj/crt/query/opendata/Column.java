package ro.cluj.crt.query.opendata;

import java.util.List;

/**
 * One column of a public table: its stable snake_case name, its Frictionless type ({@code string}, {@code integer},
 * {@code number}, {@code boolean}, {@code date}, {@code datetime}), what it means, and where its value sits in the
 * row's JSON: a path of member names separated by {@code /}, where {@code *} stands for every element of an array
 * (such a column holds the values separated by {@value #SEPARATOR}).
 */
record Column(String name, String type, String description, String path) {

    static final String SEPARATOR = ";";

    static Column text(String name, String path, String description) {
        return new Column(name, "string", description, path);
    }

    static Column integer(String name, String path, String description) {
        return new Column(name, "integer", description, path);
    }

    static Column date(String name, String path, String description) {
        return new Column(name, "date", description, path);
    }

    static Column instant(String name, String path, String description) {
        return new Column(name, "datetime", description, path);
    }

    static Column bool(String name, String path, String description) {
        return new Column(name, "boolean", description, path);
    }

    /** Several values in one cell, separated by {@value #SEPARATOR}. */
    static Column list(String name, String path, String description) {
        return new Column(name, "string", description + " (separated by " + SEPARATOR + ")", path);
    }

    List<String> steps() {
        return List.of(path.split("/"));
    }
}
