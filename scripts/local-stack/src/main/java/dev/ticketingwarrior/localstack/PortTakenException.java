package dev.ticketingwarrior.localstack;

/** A port the stack wants is already bound; the message says which and how to get out of the way. */
public final class PortTakenException extends IllegalStateException {

    PortTakenException(String what, int port, String portVariable, String urlVariable) {
        super(what + " cannot start: 127.0.0.1:" + port + " is already in use. Stop whatever listens there (`ss -ltnp"
                + " 'sport = :" + port + "'`), pick another port with " + portVariable + "=<port>, or use an external"
                + " server with " + urlVariable + ".");
    }
}
