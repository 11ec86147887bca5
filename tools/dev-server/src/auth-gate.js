// Which RPC methods an anonymous session may call, and which ones change its signed-in state.
// `surreal start` refuses data access until signin, signup or authenticate; so do we.
const OPEN_METHODS = new Set([
    'ping', 'version', 'info', 'use', 'signin', 'signup', 'authenticate', 'refresh', 'invalidate',
    'reset', 'let', 'set', 'unset', 'attach', 'detach', 'sessions',
]);
const SIGNING_IN = new Set(['signin', 'signup', 'authenticate', 'refresh']);
const SIGNING_OUT = new Set(['invalidate', 'reset']);

export class AuthGate {
    constructor({ unauthenticated }) {
        this.unauthenticated = unauthenticated;
    }

    allows(method, session) {
        return this.unauthenticated || session.authenticated || OPEN_METHODS.has(method);
    }

    // Updates the session after the engine answered `method` successfully.
    record(method, session) {
        if (SIGNING_IN.has(method)) session.authenticated = true;
        else if (SIGNING_OUT.has(method)) session.authenticated = false;
    }
}
