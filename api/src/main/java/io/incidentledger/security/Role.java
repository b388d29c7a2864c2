package io.incidentledger.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API key may do. Roles include the ones below them, so an endpoint names the least
 * role it needs: ADMIN includes everything; RESPONDER and AUDITOR include VIEWER.
 */
public enum Role {
    /** Internal reads: the board, timelines with actors, postmortems, analytics. */
    VIEWER,
    /** Records incidents: every command, plus internal reads. */
    RESPONDER,
    /** Audit reads and exports, plus internal reads. */
    AUDITOR,
    /** Operations (rebuilds, replays, metrics), plus everything else. */
    ADMIN;

    Set<Role> included() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case RESPONDER -> EnumSet.of(RESPONDER, VIEWER);
            case AUDITOR -> EnumSet.of(AUDITOR, VIEWER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
