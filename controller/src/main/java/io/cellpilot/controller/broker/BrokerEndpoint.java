package io.cellpilot.controller.broker;

import java.net.URI;

/**
 * The MQTT broker the controller's own clients use: the plant broker from {@code cellpilot.mqtt}, or the embedded
 * one. Other modules (the status publishers) inject this to publish to the same broker.
 */
public record BrokerEndpoint(URI url, String username, String password, boolean embedded) {}
