package io.incidentledger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test that talks HTTP to the running application and checks the event store behind it. */
@ApplicationTest
public abstract class RunningApplication {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    protected EventRows events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = new EventRows(jdbc);
    }
}
