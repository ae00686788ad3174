package org.ecoledger.api.demo;

import java.util.List;

/**
 * Commands for one record (aggregate) of the demo city, in the order a recorder would send them: a place's
 * registration and later changes, an official's whole history, an inspection case's assignment and steps.
 *
 * @param kind        which kind of record
 * @param aggregateId the record's aggregate identifier (e.g. {@code official/demo-00001})
 * @param commands    the commands, each addressed to that record
 */
public record DemoWrite(Kind kind, String aggregateId, List<Object> commands) {

    /** The kinds of record, in the order they are written: places before the officials posted at them. */
    public enum Kind {
        JURISDICTION,
        DEPARTMENT,
        OFFICIAL,
        CASE
    }

    public DemoWrite {
        commands = List.copyOf(commands);
    }
}
