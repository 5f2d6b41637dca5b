package ro.cluj.crt.events.commitment;

import java.time.LocalDate;

/** A step of a commitment with the date it is due. */
public record Milestone(String milestoneId, String title, LocalDate dueDate) {
}
