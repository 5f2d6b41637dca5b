package ro.cluj.crt.events.session;

/** Every event in a working session's history names the session it belongs to. */
public interface SessionEvent {

    SessionId sessionId();
}
