/** Typed configuration of the recording-service ({@code @ConfigMapping}). */
package se.insyn.recording.platform.config;
