/** Example bodies shared by the OpenAPI annotations of every resource. */
package se.insyn.recording.platform.openapi;
