package io.cellpilot.status.outbox;

/**
 * The outbox's counters since it was opened.
 *
 * @param appended records appended
 * @param dropped records dropped undelivered because the log was full (never the newest of a key)
 * @param carried newest-of-key records copied forward out of a dropped or deleted segment
 * @param truncatedBytes bytes cut from torn or corrupt segment tails during recovery
 * @param recoveredRecords complete records found on disk at open
 * @param bytes current size of the log on disk
 * @param nextOffset the offset the next append gets
 */
public record OutboxStats(
    long appended, long dropped, long carried, long truncatedBytes, long recoveredRecords, long bytes, long nextOffset) {}
