package com.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.greeter.api.GreeterClient;
import com.example.greeter.api.GreeterClientListener;
import com.example.greeter.api.GreeterHandler;
import com.example.greeter.api.GreeterServer;
import com.example.greeter.api.GreeterSession;
import com.example.greeter.model.Hello;
import com.example.greeter.model.Welcome;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ClientOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated server and client, from the contract this project's build generated, over a socket. */
class GreeterTest {
  @Test
  @Timeout(30)
  void generatedClientGetsTheGeneratedServersWelcome() throws Exception {
    GreeterHandler handler = new GreeterHandler() {
      @Override
      public void onHello(GreeterSession session, Hello message) {
        session.sendWelcome(new Welcome("Hello, " + message.name() + "!"));
      }
    };
    CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    try (GreeterServer server =
        GreeterServer.start(new InetSocketAddress("127.0.0.1", 0), WebSocketConfig.defaults(), handler)) {
      GreeterClientListener listener = new GreeterClientListener() {
        @Override
        public void onWelcome(Welcome message) {
          welcome.complete(message);
        }
      };
      GreeterClient client = GreeterClient.connect(
              URI.create("ws://127.0.0.1:" + server.port()), listener, ClientOptions.defaults())
          .get(10, TimeUnit.SECONDS);
      try {
        client.sendHello(new Hello("Ada"));
        assertEquals("Hello, Ada!", welcome.get(10, TimeUnit.SECONDS).greeting());
      } finally {
        client.close();
      }
    }
  }
}
