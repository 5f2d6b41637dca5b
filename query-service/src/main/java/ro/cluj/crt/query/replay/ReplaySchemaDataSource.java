package ro.cluj.crt.query.replay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out the connection of the transaction under way, with its {@code search_path} set to a replay's schema for
 * that transaction only ({@code set_config(..., true)}). The projections' unqualified SQL then writes the copy, while
 * the processor's token (whose table is named with its schema) is stored on the same connection, in the same commit.
 * Outside a transaction it refuses: a setting that ends with the statement would let writes fall through to the
 * live views.
 */
final class ReplaySchemaDataSource extends DelegatingDataSource {

    private final String schema;

    ReplaySchemaDataSource(DataSource live, String schema) {
        super(live);
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a replay writes only inside its processor's transaction");
        }
        DataSource live = obtainTargetDataSource();
        Connection connection = DataSourceUtils.getConnection(live);
        try (PreparedStatement path = connection.prepareStatement("SELECT set_config('search_path', ?, true)")) {
            path.setString(1, schema);
            path.execute();
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        DataSourceUtils.releaseConnection(connection, live);
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException("a replay uses the service's own account");
    }
}
