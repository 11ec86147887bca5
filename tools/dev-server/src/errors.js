// RPC error objects shaped like SurrealDB 3.x: {code, message, kind, details?}.
export class RpcError extends Error {
    constructor(error) {
        super(error.message);
        this.rpc = error;
    }
}

export const parseError = (message) => ({
    code: -32700,
    kind: 'Serialization',
    message: `Parse error: ${message}`,
});

export const invalidRequest = (message) => ({
    code: -32600,
    kind: 'Validation',
    message: `Invalid request: ${message}`,
});

export const invalidParams = (message) => ({
    code: -32603,
    kind: 'Validation',
    message: `Invalid params: ${message}`,
});

// What `surreal start` (without --unauthenticated) answers to a data method from a session that
// has not signed in: the IAM "not enough permissions" error.
export const notAuthenticated = () => ({
    code: -32002,
    kind: 'NotAllowed',
    message: 'Not enough permissions to perform this action',
    details: { kind: 'Auth', details: { kind: 'NotAllowed', details: { actor: 'anonymous' } } },
});

export const internalError = (message) => ({ code: -32000, kind: 'Internal', message });
