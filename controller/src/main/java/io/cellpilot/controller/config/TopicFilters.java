package io.cellpilot.controller.config;

/** MQTT topic filter syntax (MQTT 5.0, section 4.7). */
public final class TopicFilters {
  private TopicFilters() {}

  /** What is wrong with a topic filter, or null when it is valid. */
  public static String problem(String filter) {
    if (filter.isEmpty()) {
      return "must not be empty";
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      // MQTT 5.0 4.7.1.2: '#' must be the last character and occupy a whole level.
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return "may hold '#' only as its whole last level, was " + filter;
      }
      // MQTT 5.0 4.7.1.3: '+' must occupy a whole level.
      if (level.contains("+") && !level.equals("+")) {
        return "may hold '+' only as a whole level, was " + filter;
      }
    }
    return null;
  }
}
