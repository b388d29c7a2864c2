package io.incidentledger.rebuild;

import java.net.URI;
import java.util.List;

import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operations: rebuild read models while the engine keeps serving, and watch the progress. */
@RestController
@RequestMapping("/api/admin/rebuilds")
class RebuildController {

    /** @param models the read models to rebuild; absent or empty for all */
    record RebuildRequest(List<String> models) {
    }

    /** @param rebuilding whether any model is rebuilding */
    record RebuildsView(boolean rebuilding, List<RebuildStatus> models) {

        static RebuildsView of(List<RebuildStatus> models) {
            return new RebuildsView(models.stream().anyMatch(RebuildStatus::rebuilding), models);
        }
    }

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Every read model: rebuilding or not, and how far a rebuild has come. */
    @GetMapping
    RebuildsView status() {
        return RebuildsView.of(rebuilds.status());
    }

    /**
     * Starts rebuilding the models named (or all): 202, then follow the progress at GET. A model
     * that is rebuilding already starts over.
     */
    @PostMapping
    ResponseEntity<RebuildsView> start(@RequestBody(required = false) RebuildRequest request) {
        var models = request == null || request.models() == null ? List.<String>of() : request.models();
        try {
            return ResponseEntity.accepted().location(URI.create("/api/admin/rebuilds"))
                    .body(RebuildsView.of(rebuilds.start(models)));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new Refusal(ProblemCode.CONFLICT, e.getMessage());
        }
    }
}
