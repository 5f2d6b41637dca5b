package ro.cluj.crt.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The staff member's importer: maps OxCGRT and Eurofound PolicyWatch CSV files (the data set is recognised by its
 * header) to organisations and interviews, Eurofound factsheet updates to commitments with progress reports (made
 * as a monitor), and Decidim accountability results to commitments updated by id, and submits them to the tracker's
 * API. Running it again changes nothing. Exit code 0 when every record went in, 2 when some were bad, 1 when the run
 * could not be done.
 */
public final class Importer {

    static final int ALL_IN = 0;
    static final int FATAL = 1;
    static final int SOME_BAD = 2;
    private static final QueryApi.Pause PAUSE = QueryApi.Pause.of(Duration.ofMillis(500));

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Importer(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Runs the importer with the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err, args));
    }

    /**
     * Runs the importer as another program's library: the command line of {@link #main}, passwords and tokens read
     * from {@code environment}, the summary on {@code out}, progress and problems on {@code err}.
     *
     * @return 0 when every record went in, 2 when some were bad, 1 when the run could not be done
     */
    public static int run(Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        return new Importer(environment, out, err).run(args);
    }

    /** Runs the importer; answers the exit code. */
    int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(Options.USAGE);
            return FATAL;
        }
        try {
            return run(options);
        } catch (ImportFailure e) {
            err.println("error: " + e.getMessage());
            return FATAL;
        }
    }

    private int run(Options options) throws ImportFailure {
        String staffToken = token(options.tokenEnv());
        String password = staffToken == null ? password(options) : null;
        List<MappedFile> files = read(options.files(), options.decidim());
        expect(options.expected(), files);
        // factsheet updates and Decidim progress are reported as the monitor
        boolean monitored = files.stream().anyMatch(file -> !file.measures().isEmpty() || !file.results().isEmpty());
        String monitorToken = monitored ? token(options.monitorTokenEnv()) : null;
        String monitorPassword = monitored && monitorToken == null ? monitorPassword(options) : null;
        List<BadRecord> unmapped = files.stream().flatMap(file -> file.bad().stream()).toList();
        unmapped.forEach(record -> err.println("bad record: " + record));
        HttpClient client = httpClient();
        StaffApi api = new StaffApi(options.url(), client, json());
        StaffApi monitor = new StaffApi(options.url(), client, json());
        Submitter submitter = new Submitter(api, err);
        QueryApi query = new QueryApi(options.queryUrl(), client, json(), PAUSE);
        CommitmentSubmitter commitments = new CommitmentSubmitter(api, monitor, query, submitter, PAUSE, err);
        DecidimSubmitter results = new DecidimSubmitter(api, monitor, query, submitter, PAUSE, err);
        try {
            if (monitored || files.stream().anyMatch(file -> !file.submissions().isEmpty())) {
                if (staffToken != null) {
                    api.useToken(staffToken);
                } else {
                    api.login(options.user(), password);
                }
                if (monitorToken != null) {
                    monitor.useToken(monitorToken);
                } else if (monitored) {
                    monitor.login(options.monitorUser(), monitorPassword);
                }
                for (MappedFile file : files) {
                    submitter.submit(file);
                }
                for (MappedFile file : files) {
                    commitments.submit(file);
                }
                for (MappedFile file : files) {
                    results.submit(file);
                }
            }
        } catch (ImportFailure e) {
            err.println("error: " + e.getMessage() + "; the run stops here (running it again is safe)");
            summary(files, submitter, commitments, results, unmapped).print(out);
            return FATAL;
        }
        Summary summary = summary(files, submitter, commitments, results, unmapped);
        summary.print(out);
        return summary.badRecords() == 0 ? ALL_IN : SOME_BAD;
    }

    private static Summary summary(List<MappedFile> files, Submitter submitter, CommitmentSubmitter commitments,
                                   DecidimSubmitter results, List<BadRecord> unmapped) {
        return new Summary(files, submitter.organisations(), submitter.interviews(),
                commitments.commitments() + results.commitments(), results.revisions(),
                commitments.progressReports() + results.progressReports(), results.closings(),
                unmapped.size() + submitter.bad().size() + commitments.bad().size() + results.bad().size(),
                Math.max(Math.max(submitter.highestPosition(), commitments.highestPosition()),
                        results.highestPosition()));
    }

    private String monitorPassword(Options options) throws ImportFailure {
        String fromEnvironment = environment.get(options.monitorPasswordEnv());
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        throw new ImportFailure("no monitor password (progress reports are made as " + options.monitorUser()
                + "): set the environment variable " + options.monitorPasswordEnv()
                + " (or name another with --monitor-password-env)");
    }

    private List<MappedFile> read(List<Path> paths, DecidimSettings decidim) throws ImportFailure {
        List<MappedFile> files = new ArrayList<>();
        for (Path path : paths) {
            try {
                MappedFile file = MappedFile.read(path, decidim);
                if (file.dataSet() == DataSet.DECIDIM_RESULTS && decidim.organisation() == null) {
                    throw new ImportFailure(path + " holds Decidim results, which name no organisation: name the one"
                            + " whose results they are with --decidim-organisation");
                }
                if (file.dataSet() == DataSet.DECIDIM_RESULTS) {
                    err.printf("%s: %s, %d records, %d results to send%n", path, file.dataSet().label(),
                            file.recordCount(), file.results().size());
                } else if (file.measures().isEmpty()) {
                    err.printf("%s: %s, %d records, %d to send%n", path, file.dataSet().label(),
                            file.recordCount(), file.submissions().size());
                } else {
                    err.printf("%s: %s, %d records, %d measures with %d dated updates to send%n", path,
                            file.dataSet().label(), file.recordCount(), file.measures().size(),
                            file.measures().stream().mapToInt(measure -> measure.updates().size()).sum());
                }
                files.add(file);
            } catch (NoSuchFileException e) {
                throw new ImportFailure("cannot read " + path + ": there is no such file", e);
            } catch (IOException e) {
                throw new ImportFailure("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** The token in the environment variable named, null when none is named; a named but empty one is a failure. */
    private String token(String variable) throws ImportFailure {
        if (variable == null) {
            return null;
        }
        String token = environment.get(variable);
        if (token == null || token.isBlank()) {
            throw new ImportFailure("no access token: the environment variable " + variable + " is empty");
        }
        return token.strip();
    }

    private static void expect(String expected, List<MappedFile> files) throws ImportFailure {
        for (MappedFile file : files) {
            if (expected != null && !file.dataSet().label().equals(expected)) {
                throw new ImportFailure(file.name() + " holds " + file.dataSet().label() + " records, not "
                        + expected + "; nothing was sent");
            }
        }
    }

    private String password(Options options) throws ImportFailure {
        if (options.password() != null) {
            return options.password();
        }
        String fromEnvironment = environment.get(options.passwordEnv());
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        throw new ImportFailure("no password: set the environment variable " + options.passwordEnv()
                + " (or name another with --password-env)");
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** JSON as the API wants it: ISO dates, and nothing sent for an absent value or an empty list. */
    static ObjectMapper json() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
    }
}
