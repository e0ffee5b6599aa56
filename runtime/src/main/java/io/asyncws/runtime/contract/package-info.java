/**
 * Helpers for code generated from an AsyncAPI contract: matching and building channel addresses,
 * pairing requests with their replies, and the options (limits, TLS, allowed origins) every
 * generated client and server shares.
 * JDK only; generated code adds Jackson for the payloads.
 */
package io.asyncws.runtime.contract;
