package io.huiju.adapter.soap;

import io.huiju.adapter.dropbox.DepartmentLogin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.apache.wss4j.dom.validate.UsernameTokenValidator;

/**
 * Checks a WS-Security UsernameToken against the department registry. WSS4J's own validator asks a password callback
 * for the clear password and compares; the hub keeps only bcrypt hashes, so the password sent (PasswordText, over TLS)
 * is checked against the hash instead. A PasswordDigest cannot be checked against a hash at all and is refused.
 */
public final class DepartmentTokenValidator extends UsernameTokenValidator {

    private final DepartmentLogin login;

    public DepartmentTokenValidator(DepartmentLogin login) {
        this.login = login;
    }

    @Override
    protected void verifyPlaintextPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        if (token.getName() == null || !login.accepts(token.getName(), token.getPassword())) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
        }
    }

    @Override
    protected void verifyDigestPassword(UsernameToken token, RequestData data) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
    }
}
