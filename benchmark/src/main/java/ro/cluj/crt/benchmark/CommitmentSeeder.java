package ro.cluj.crt.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import ro.cluj.crt.command.commitment.CommitmentCommands.AbandonCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.FulfilCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.MakeCommitment;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReportProgress;
import ro.cluj.crt.command.commitment.CommitmentCommands.ReviewCommitment;
import ro.cluj.crt.command.config.Clocks;
import ro.cluj.crt.command.write.CommandOutcome;
import ro.cluj.crt.events.EventMetadata;
import ro.cluj.crt.events.Identifiers;
import ro.cluj.crt.events.commitment.CommitmentOrigin;
import ro.cluj.crt.events.commitment.Milestone;
import ro.cluj.crt.events.vocabulary.AssessmentLevel;
import ro.cluj.crt.events.vocabulary.CommitmentKind;
import ro.cluj.crt.events.vocabulary.Field;
import ro.cluj.crt.events.vocabulary.ProgressStatus;
import ro.cluj.crt.support.security.Role;

/**
 * Seeds commitments through the command service's own gateway (as the API would, with its metadata), shaped like
 * years of monitoring: commitments across organisations, fields and working sessions, most open and followed by
 * progress reports and reviews, some fulfilled or abandoned, a few with a milestone already past (the tracker then
 * records it missed); and one commitment followed for years, with a long timeline.
 */
final class CommitmentSeeder {

    private static final Field[] FIELDS = Field.values();
    private static final CommitmentKind[] KINDS = CommitmentKind.values();
    private static final int SESSIONS = 40;

    private final CommandGateway gateway;
    private final String accountId;
    private final LocalDate today = LocalDate.now(Clocks.CLUJ);
    private final AtomicLong commands = new AtomicLong();

    CommitmentSeeder(CommandGateway gateway, String accountId) {
        this.gateway = gateway;
        this.accountId = accountId;
    }

    long commands() {
        return commands.get();
    }

    /** Makes {@code count} commitments with {@code threads} senders; a failed command ends the seeding. */
    void seed(int count, List<String> organisations, int threads) throws Exception {
        try (ExecutorService senders = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(senders.submit(() -> {
                    one(n, organisations);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }

    /** Makes a commitment and reports progress on it {@code reports} times: a timeline of reports + 1 events. */
    String longLived(String organisation, int reports) {
        String id = Identifiers.random();
        LocalDate start = today.minusDays(reports + 30L);
        send(new MakeCommitment(id, organisation, List.of(), "Keep the county's food bank network running",
                "Followed since the first lockdown: depots, volunteers and deliveries in every district.",
                Field.SOCIAL_SUPPORT_AND_BASIC_NEEDS, CommitmentKind.SCALE_SERVICE,
                new CommitmentOrigin("ws-1", List.of()), start, today.plusYears(2), List.of()));
        for (int i = 1; i <= reports; i++) {
            send(new ReportProgress(id, null, ProgressStatus.ON_TRACK, Math.min(99, i * 100 / reports),
                    "Week " + i + ": depots open, deliveries on schedule.", List.of(), start.plusDays(i), null,
                    today));
        }
        return id;
    }

    /** Reports progress on a commitment made before, the {@code week}th time (the lag figure's steady load). */
    void reportProgress(String commitmentId, long week) {
        send(new ReportProgress(commitmentId, null, ProgressStatus.ON_TRACK, (int) Math.min(99, week),
                "Week " + week + ": depots open, deliveries on schedule.", List.of(), today, null, today));
    }

    private void one(int n, List<String> organisations) {
        String id = Identifiers.random();
        String lead = organisations.get(n % organisations.size());
        List<String> coSigners = n % 4 == 0 ? List.of(organisations.get((n + 7) % organisations.size()))
                : List.of();
        LocalDate start = today.minusDays(30 + n % 700);
        LocalDate target = today.plusDays(60 + n % 900);
        LocalDate milestone = n % 20 == 0 ? today.minusDays(1 + n % 10) : today.plusDays(5 + n % 55);
        send(new MakeCommitment(id, lead, coSigners, "Commitment " + n + ": extend the service to more districts",
                "Made at a public working session; the lead reports progress every quarter.", FIELDS[n % FIELDS.length],
                KINDS[n % KINDS.length], new CommitmentOrigin("ws-" + (n % SESSIONS), List.of()), start, target,
                List.of(new Milestone("m1", "First districts served", milestone))));
        if (n % 3 != 0) {
            send(new ReportProgress(id, null, n % 7 == 0 ? ProgressStatus.DELAYED : ProgressStatus.ON_TRACK,
                    n % 100, "Quarterly report.", List.of(), today.minusDays(n % 30), null, today));
        }
        if (n % 5 == 0) {
            send(new ReviewCommitment(id, null, AssessmentLevel.values()[n % AssessmentLevel.values().length],
                    "Reviewed by the monitoring partner.", today, today));
        }
        if (n % 10 == 1) {
            send(new FulfilCommitment(id, null, today, "Done.", List.of(), today));
        } else if (n % 25 == 2) {
            send(new AbandonCommitment(id, null, "The partner withdrew its funding."));
        }
    }

    private void send(Object command) {
        MetaData metaData = MetaData.with(EventMetadata.ACTOR_ID, accountId)
                .and(EventMetadata.ACTOR_ROLE, command instanceof MakeCommitment || command instanceof FulfilCommitment
                        || command instanceof AbandonCommitment ? Role.STAFF.code() : Role.MONITOR.code())
                .and(EventMetadata.CORRELATION_ID, Identifiers.random());
        Object outcome = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        if (!(outcome instanceof CommandOutcome.Applied)) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " answered " + outcome);
        }
        commands.incrementAndGet();
    }
}
