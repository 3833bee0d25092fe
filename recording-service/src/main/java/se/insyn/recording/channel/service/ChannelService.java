package se.insyn.recording.channel.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.insyn.recording.channel.repository.Channel;
import se.insyn.recording.channel.repository.ChannelRepository;

@ApplicationScoped
public class ChannelService {

  private final ChannelRepository channels;

  ChannelService(ChannelRepository channels) {
    this.channels = channels;
  }

  public List<Channel> list() {
    return channels.listByName();
  }
}
