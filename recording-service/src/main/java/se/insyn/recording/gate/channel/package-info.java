/**
 * Channels (lines, queues, meeting rooms) the gate decides for, with their protection class (R38).
 * The lowest gate feature: policies, the kill switch and the decision refer to channels.
 */
package se.insyn.recording.gate.channel;
