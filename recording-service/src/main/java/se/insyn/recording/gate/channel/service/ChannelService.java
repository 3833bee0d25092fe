package se.insyn.recording.gate.channel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.repository.Channel;
import se.insyn.recording.gate.channel.repository.ChannelRepository;

@ApplicationScoped
public class ChannelService {

  /** ITU-T E.164: a plus, a non-zero country code digit, at most 15 digits in all. */
  static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private final ChannelRepository channels;
  private final AuditOutbox audit;

  ChannelService(ChannelRepository channels, AuditOutbox audit) {
    this.channels = channels;
    this.audit = audit;
  }

  public List<Channel> list() {
    return channels.listByName();
  }

  public Channel get(UUID id) {
    return channels
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("No channel " + id));
  }

  @Transactional
  public Channel create(@Valid @NotNull NewChannel request) {
    boolean phone =
        request.kind() == Channel.Kind.PHONE_LINE
            || (request.kind() == Channel.Kind.PHONE_QUEUE && request.address().startsWith("+"));
    if (phone && !E164.matcher(request.address()).matches()) {
      throw ProblemException.badRequest(
          "A phone channel needs an E.164 number",
          List.of(new Problem.Violation("address", "must be an E.164 number, e.g. +46351370000")));
    }
    if (channels.findByKindAndAddress(request.kind(), request.address()).isPresent()) {
      throw ProblemException.conflict(
          "A " + request.kind() + " channel with this address already exists");
    }
    Channel c = new Channel();
    c.id = UUID.randomUUID();
    c.kind = request.kind();
    c.address = request.address();
    c.name = request.name();
    c.protectedClass = request.protectedClass();
    c.secrecyClass = request.secrecyClass();
    c.publicRecordsLine = request.publicRecordsLine();
    c.platform = request.platform();
    channels.persist(c);
    Map<String, Object> data = new HashMap<>();
    data.put("kind", c.kind.name());
    data.put("protectedClass", String.valueOf(c.protectedClass));
    data.put("secrecyClass", String.valueOf(c.secrecyClass));
    data.put("platform", c.platform);
    audit.record(EventType.CHANNEL_CREATED, "channel/" + c.id, null, null, data);
    return c;
  }

  /**
   * Names the platform that serves the channel from now on (issue 21). Recordings already permitted
   * stay with the platform that started them.
   */
  @Transactional
  public Channel assign(@NotNull UUID id, @Valid @NotNull PlatformAssignment request) {
    Channel c = get(id);
    Map<String, Object> data = new HashMap<>();
    data.put("platform", request.platform());
    data.put("previousPlatform", c.platform);
    c.platform = request.platform();
    audit.record(EventType.CHANNEL_PLATFORM_ASSIGNED, "channel/" + c.id, null, null, data);
    return c;
  }
}
