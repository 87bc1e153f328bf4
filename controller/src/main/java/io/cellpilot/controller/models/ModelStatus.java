package io.cellpilot.controller.models;

import java.util.List;

/**
 * One model slot as the API shows it.
 *
 * @param active version serving now; empty when none
 * @param history versions a rollback would return to, newest first
 * @param shadow version running in shadow; empty when none
 */
public record ModelStatus(String id, String kind, String active, String activeSha256, List<String> history,
    String shadow) {}
