package dev.lookout.source.nats;

/** The monitoring endpoints read from every server each tick. */
enum Endpoint {
  VARZ("/varz"),
  JSZ("/jsz?streams=true&consumers=true&config=true"),
  HEALTHZ("/healthz"),
  ROUTEZ("/routez"),
  SERVERZ("/streaming/serverz"),
  CHANNELSZ("/streaming/channelsz?subs=1"),
  STOREZ("/streaming/storez"),
  FT_ACTIVE("/streaming/isFTActive");

  private final String path;

  Endpoint(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  /** Short name used in error messages, e.g. "jsz". */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
  }
}
