package dev.lookout.model;

import java.util.List;
import java.util.Objects;

/**
 * One Restate node: the cluster's view of it (from the `nodes` table) joined with the agent's own
 * probe of it (GetIdent). {@code generation} and {@code uptimeSeconds} are -1 when unknown.
 */
public record Node(
    int id,
    int generation,
    String name,
    String address,
    List<String> roles,
    Liveness state,
    StorageState storageState,
    String workerState,
    String metadataServerState,
    String version,
    Probe probe,
    long uptimeSeconds) {

  public Node {
    Objects.requireNonNull(name, "name");
    roles = List.copyOf(roles);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(storageState, "storageState");
    Objects.requireNonNull(probe, "probe");
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** "N3:2" as Restate prints a generational node id. */
  public String genId() {
    return generation < 0 ? "N" + id : "N" + id + ":" + generation;
  }
}
