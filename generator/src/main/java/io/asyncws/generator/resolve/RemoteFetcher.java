package io.asyncws.generator.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a remote document, only when the user allowed remote refs: bounded in time (connect and
 * answer timeouts) and in size (the document size limit, enforced while reading, not trusted from a
 * header).
 */
final class RemoteFetcher {

  private final Duration timeout;
  private final int maxBytes;
  private HttpClient client;

  RemoteFetcher(Duration timeout, int maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /** A fetch's outcome: the body, or a sentence saying why there is none. */
  record Result(byte[] body, String problem) {}

  Result fetch(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/yaml, application/json, */*")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          client().send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() / 100 != 2) {
          return new Result(null, "the server answered with HTTP status " + response.statusCode());
        }
        int readLimit = (int) Math.min((long) maxBytes + 1, Integer.MAX_VALUE - 8);
        byte[] bytes = body.readNBytes(readLimit);
        if (bytes.length > maxBytes) {
          return new Result(
              null, "the document is larger than the limit of " + maxBytes + " bytes");
        }
        return new Result(bytes, null);
      }
    } catch (IOException e) {
      return new Result(null, "it could not be fetched (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, "fetching it was interrupted");
    } catch (IllegalArgumentException e) {
      return new Result(null, "it is not a URL that can be fetched (" + describe(e) + ")");
    } catch (RuntimeException e) {
      // The HTTP client may fail in ways its signature does not declare; never let that escape.
      return new Result(null, "fetching it failed (" + describe(e) + ")");
    }
  }

  private HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              // NORMAL never follows a redirect from https down to http.
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return client;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null ? type : type + ": " + message;
  }
}
