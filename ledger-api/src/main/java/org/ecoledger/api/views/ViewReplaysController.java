package org.ecoledger.api.views;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import org.ecoledger.api.http.problems.ApiException;

/**
 * {@code /api/v1/views/{view}/replay} (ADMIN): rebuild one read view from the log, in the background, and follow its
 * progress ({@link ViewReplays}).
 */
@RestController
@ConditionalOnProperty(name = "ledger.mode", havingValue = "app", matchIfMissing = true)
public class ViewReplaysController {

    private final ViewReplays replays;

    ViewReplaysController(ViewReplays replays) {
        this.replays = replays;
    }

    /** Starts a replay of the view: 202 with its progress; 404 for an unknown view; 409 if it cannot start now. */
    @PostMapping("/api/v1/views/{view}/replay")
    ResponseEntity<ViewReplays.ReplayView> start(@PathVariable String view) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/views/" + view + "/replay"))
                             .body(replays.start(view));
    }

    /** The progress of the view's latest replay on this node (or of one this node carries on). */
    @GetMapping("/api/v1/views/{view}/replay")
    ViewReplays.ReplayView progress(@PathVariable String view) {
        return replays.find(view).orElseThrow(() -> ApiException.notFound(
                "no replay of view " + view + " has been started on this node"));
    }
}
