package se.insyn.recording.gate.channel.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.recording.gate.channel.repository.Channel;

/** A channel to register. It records nothing until a policy covering it is approved (R3). */
public record NewChannel(
    @NotNull Channel.Kind kind,
    @Schema(
            description =
                "E.164 number for PHONE_LINE; E.164 number or queue id for PHONE_QUEUE; mailbox"
                    + " id or meeting type otherwise",
            examples = "+46351370000")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[+A-Za-z0-9._:-]+", message = "must be a number or an identifier")
        String address,
    @Schema(examples = "Medborgarservice") @NotBlank @Size(max = 200) String name,
    @Schema(description = "R38: never recorded when set") Channel.ProtectedClass protectedClass,
    @Schema(description = "R35") Channel.SecrecyClass secrecyClass,
    @Schema(description = "R40: the public requests official documents here")
        boolean publicRecordsLine,
    @Schema(
            description =
                "Client id (azp) of the phone system or meeting platform that serves the channel;"
                    + " only it may ask \"may I record?\" here. Absent: no platform may, until one"
                    + " is assigned (issue 21)",
            examples = "demo-pbx")
        @Size(max = 255)
        @Pattern(regexp = PlatformAssignment.CLIENT_ID, message = PlatformAssignment.CLIENT_ID_RULE)
        String platform) {}
