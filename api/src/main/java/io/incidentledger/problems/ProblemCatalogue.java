package io.incidentledger.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import io.incidentledger.incident.Rejection;

/** Every code a problem detail can carry, with its status: the table the API documentation shows. */
public final class ProblemCatalogue {

    private ProblemCatalogue() {
    }

    public static Map<String, Integer> codes() {
        var codes = new LinkedHashMap<String, Integer>();
        for (var code : ProblemCode.values()) {
            codes.put(code.name(), code.status().value());
        }
        for (var rejection : Rejection.values()) {
            codes.put(rejection.name(), RejectionStatus.of(rejection).value());
        }
        return codes;
    }
}
