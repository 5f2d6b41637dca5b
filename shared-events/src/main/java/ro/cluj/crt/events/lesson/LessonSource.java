package ro.cluj.crt.events.lesson;

/**
 * Where a lesson comes from: an interview, and one of its measures where the lesson traces to a single measure.
 *
 * @param measureId absent when the lesson draws on the interview as a whole
 */
public record LessonSource(String interviewId, String measureId) {
}
