package io.asyncws.runtime;

/**
 * How a connection ended, as the browser's {@code CloseEvent} reports it.
 *
 * @param code the close code: the peer's when it closed first, 1005 when its Close frame had no
 *     code, 1006 when the connection ended without a closing handshake, or the code this endpoint
 *     sent when it failed the connection (1002, 1007, 1009, ...)
 * @param reason the close reason, empty when there was none
 * @param wasClean whether both Close frames were exchanged before TCP closed
 */
public record CloseEvent(int code, String reason, boolean wasClean) {}
