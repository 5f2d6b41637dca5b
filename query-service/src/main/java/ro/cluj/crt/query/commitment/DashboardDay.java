package ro.cluj.crt.query.commitment;

import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The day the dashboard is read for, in Cluj, and how many days ahead a due date makes an open commitment at risk.
 */
record DashboardDay(LocalDate today, int atRiskWithinDays) {

    static final int MAX_WITHIN_DAYS = 3660;

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource("today", today).addValue("horizon", today.plusDays(atRiskWithinDays));
    }
}
