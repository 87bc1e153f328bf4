package io.cellpilot.opcua.client;

/**
 * What happened on one PLC connection since start.
 *
 * @param delivered values handed to listeners (good and bad)
 * @param droppedOffline server values that arrived after the connection was declared lost, not delivered
 * @param listenerFailures listener calls that threw
 * @param sessionsLost times the session was lost
 * @param subscriptionRebuilds times the subscription was created anew (first connect, failed transfer, timeout)
 * @param transferFailures subscriptions the server could not transfer to a new session
 * @param notificationDataLost times the server could not republish missed notifications
 */
public record ClientStats(long delivered, long droppedOffline, long listenerFailures, long sessionsLost,
                          long subscriptionRebuilds, long transferFailures, long notificationDataLost) {}
