package org.ecoledger.api.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The generated demo city: every command to send, record by record, in order ({@link #writes()}), the named scenarios
 * and the counts.
 *
 * @param size      the sizes and seed it was drawn from
 * @param writes    places, then departments, officials and inspection cases, each record's commands in order
 * @param scenarios the named scenarios of the read views, with the officials they are about
 * @param counts    how many of each
 */
public record DemoCity(DemoCitySize size, List<DemoWrite> writes, List<DemoScenario> scenarios, Counts counts) {

    /**
     * @param jurisdictions    places (city, counties, townships, villages)
     * @param departments      departments
     * @param officials        officials (one record each)
     * @param officialCommands commands to officials' records: registrations and entries
     * @param casesAssigned    inspection cases assigned
     * @param casesClosed      inspection cases closed (整改销号)
     * @param commands         every command, of every record
     */
    public record Counts(int jurisdictions, int departments, int officials, long officialCommands, int casesAssigned,
                         int casesClosed, long commands) {
    }

    public DemoCity {
        writes = List.copyOf(writes);
        scenarios = List.copyOf(scenarios);
    }

    /** The scenario named {@code code}. */
    public Optional<DemoScenario> scenario(String code) {
        return scenarios.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /**
     * SHA-256 (hex) over every command in order, each as its record's string form after its aggregate's identifier:
     * two cities with the same digest send the same commands.
     */
    public String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DemoWrite write : writes) {
                for (Object command : write.commands()) {
                    digest.update((write.aggregateId() + "\t" + command + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
