package ro.cluj.crt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shadow replays of the query service's views (admin, or auditor for all but switching one in). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Shadow replays: rebuild a view from the first event into a copy beside the live one. "
                + "Views: catalogue, commitments, process, recommendations.",
        subcommands = {ReplayCommand.Status.class, ReplayCommand.Start.class, ReplayCommand.Stop.class,
            ReplayCommand.Resume.class})
final class ReplayCommand implements Runnable {

    static final String BASE = "api/admin/replays";
    private static final long POLL_MILLIS = 1000;

    @ParentCommand
    Crt root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name one of status, start, stop, resume");
    }

    /** One replay's progress as a line: {@code catalogue: running, 1,834 of 4,020 events (45%), ...}. */
    static String line(JsonNode replay) {
        long done = replay.path("eventsDone").asLong();
        long total = replay.path("eventsTotal").asLong();
        StringBuilder text = new StringBuilder(replay.path("group").asText()).append(": ")
                .append(replay.path("running").asBoolean() ? "running" : "stopped")
                .append(String.format(Locale.ROOT, ", %,d of %,d events", done, total));
        if (total > 0) {
            text.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        }
        text.append(String.format(Locale.ROOT, ", position %d of head %d", replay.path("position").asLong(),
                replay.path("head").asLong()));
        text.append(replay.path("caughtUp").asBoolean() ? ", caught up" : "");
        if (replay.path("eventsPerSecond").isNumber()) {
            text.append(String.format(Locale.ROOT, ", %,.1f events/s", replay.path("eventsPerSecond").asDouble()));
        }
        if (replay.path("secondsLeft").isNumber() && !replay.path("caughtUp").asBoolean()) {
            text.append(", about ").append(Progress.duration(replay.path("secondsLeft").asLong())).append(" left");
        }
        return text.toString();
    }

    /** Follows a replay until it has caught up or stopped, then prints where it stands. */
    static int follow(Crt root, Tracker tracker, String view, JsonNode first) throws InterruptedException {
        JsonNode replay = first;
        try (Progress progress = root.progress("replay " + view, replay.path("eventsTotal").asLong(), false)) {
            while (replay.path("running").asBoolean() && !replay.path("caughtUp").asBoolean()) {
                progress.at(replay.path("eventsDone").asLong(), replay.path("eventsTotal").asLong());
                Thread.sleep(POLL_MILLIS);
                replay = tracker.get(BASE + "/" + view, true);
            }
            progress.at(replay.path("eventsDone").asLong(), replay.path("eventsTotal").asLong());
        }
        root.out.println(line(replay));
        return ExitCode.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints every replay that has a copy, or one view's, with its progress.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        ReplayCommand replay;

        @Mixin
        Connection connection;

        @Parameters(index = "0", arity = "0..1", paramLabel = "VIEW", description = "one view only")
        String view;

        @Option(names = "--watch", description = "follow the view's replay with a progress bar until it has "
                + "caught up or stopped")
        boolean watch;

        @Override
        public Integer call() throws InterruptedException {
            Tracker tracker = replay.root.tracker(connection);
            if (view == null) {
                if (watch) {
                    throw new Tracker.UsageError("--watch needs a VIEW");
                }
                JsonNode all = tracker.get(BASE, true);
                if (all.isEmpty()) {
                    replay.root.out.println("no replays");
                }
                all.forEach(one -> replay.root.out.println(line(one)));
                return ExitCode.OK;
            }
            JsonNode one = tracker.get(BASE + "/" + view, true);
            return watch ? follow(replay.root, tracker, view, one) : print(one);
        }

        private int print(JsonNode one) {
            replay.root.out.println(line(one));
            return ExitCode.OK;
        }
    }

    /** Start, stop and resume: a POST, then the replay's progress. */
    abstract static class Action implements Callable<Integer> {

        @ParentCommand
        ReplayCommand replay;

        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "VIEW", description = "catalogue, commitments, process or "
                + "recommendations")
        String view;

        abstract String path();

        boolean follows() {
            return false;
        }

        @Override
        public Integer call() throws InterruptedException {
            Tracker tracker = replay.root.tracker(connection);
            String at = BASE + "/" + view;
            tracker.post(at + path());
            JsonNode now = tracker.get(at, true);
            return follows() ? follow(replay.root, tracker, view, now) : printed(now);
        }

        private int printed(JsonNode now) {
            replay.root.out.println(line(now));
            return ExitCode.OK;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts a replay of VIEW into a copy of its own (202); one per view at a time.")
    static final class Start extends Action {

        @Option(names = "--watch", description = "follow it with a progress bar until it has caught up")
        boolean follow;

        @Override
        String path() {
            return "";
        }

        @Override
        boolean follows() {
            return follow;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops VIEW's replay where it is.")
    static final class Stop extends Action {

        @Override
        String path() {
            return "/stop";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes VIEW's stopped replay from where it stopped.")
    static final class Resume extends Action {

        @Option(names = "--watch", description = "follow it with a progress bar until it has caught up")
        boolean follow;

        @Override
        String path() {
            return "/resume";
        }

        @Override
        boolean follows() {
            return follow;
        }
    }
}
