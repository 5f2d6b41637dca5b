package ro.cluj.crt.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: its data folder survives restarts. Run as root it works too, because the embedded
 * binaries are started inside a user namespace where PostgreSQL does not see root. A server left running by a
 * process that was killed is stopped before a new one starts on the same folder.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_SERVER_STOP = Duration.ofSeconds(30);
    /** The locks this process holds on data folders, kept from the garbage collector until it ends. */
    private static final List<FileLock> CLAIMS = new CopyOnWriteArrayList<>();

    private EmbeddedDatabase() {
    }

    static EmbeddedPostgres start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        claim(dataDirectory);
        stopStaleServer(dataDirectory);
        log.info("starting the embedded PostgreSQL with its data in {}", dataDirectory.toAbsolutePath());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The embedded server is built for throw-away test databases and turns durability off by default
                // (fsync through -F, synchronous_commit). The tracker's data must survive a crash: turn both on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Only this account may use the server's socket, and it listens on the loopback interface only.
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("listen_addresses", "localhost")
                // The launcher stops the server itself, after both services, so that no commit is cut short.
                .setRegisterShutdownHook(false)
                .start();
    }

    /** Creates the database unless it exists, and answers its JDBC address. */
    static String createIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database + " in the embedded PostgreSQL",
                    e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    /**
     * Takes the data folder for this process, or refuses: a lock on a file beside it, held until the process ends
     * (the operating system releases it even after {@code kill -9}). Only then may a server found running on the
     * folder be taken for one an earlier run left behind.
     */
    private static void claim(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InUse("another tracker is running with its data in " + dataDirectory.getParent()
                    .toAbsolutePath() + ": stop it first, or give this one another folder (CRT_DATA_DIR)");
        }
        CLAIMS.add(lock);
    }

    /** The data folder is in use by another running tracker. */
    static final class InUse extends IllegalStateException {
        InUse(String message) {
            super(message);
        }
    }

    private static void stopStaleServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                        .filter(process -> process.info().command().orElse("").contains("postgres"));
        if (server.isEmpty()) {
            return;
        }
        log.warn("stopping the embedded PostgreSQL (pid {}) that an earlier run left behind", server.get().pid());
        server.get().destroy();
        server.get().onExit().orTimeout(STALE_SERVER_STOP.toSeconds(), TimeUnit.SECONDS)
                .join();
    }
}
