/** What every request must respect before a resource reads it: the size of its body. */
package se.insyn.recording.platform.http;
