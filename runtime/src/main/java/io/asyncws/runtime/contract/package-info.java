/**
 * Helpers for code generated from an AsyncAPI contract: matching and building channel addresses,
 * pairing requests with their replies, and the client options every generated client shares.
 * JDK only; generated code adds Jackson for the payloads.
 */
package io.asyncws.runtime.contract;
