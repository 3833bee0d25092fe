package se.insyn.recording.gate.killswitch.rest;

import java.util.List;

/** Whether any engagement is in force, those in force, and every engagement ever (newest first). */
public record KillSwitchState(
    boolean engaged, List<KillSwitchDto> active, List<KillSwitchDto> history) {}
