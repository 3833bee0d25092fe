package se.insyn.recording.gate.platformscope.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The consent purposes a platform's channels use. */
public record PlatformPurposesDto(
    @Schema(examples = "demo-pbx") String platform,
    @Schema(examples = "[\"call-recording-threats\"]") List<String> purposes) {}
