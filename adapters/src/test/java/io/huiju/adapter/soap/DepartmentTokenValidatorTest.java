package io.huiju.adapter.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DepartmentTokenValidatorTest {

    private final DepartmentTokenValidator validator = new DepartmentTokenValidator(
            (department, password) -> "scjg".equals(department) && "right".equals(password));

    private static UsernameToken token(String user, String password) throws Exception {
        Document doc = org.apache.cxf.helpers.DOMUtils.createDocument();
        UsernameToken token = new UsernameToken(true, doc, org.apache.wss4j.common.WSS4JConstants.PASSWORD_TEXT);
        token.setName(user);
        token.setPassword(password);
        return token;
    }

    @Test
    void theRightPasswordPassesAndAWrongOneOrAnUnknownDepartmentFails() throws Exception {
        validator.verifyPlaintextPassword(token("scjg", "right"), null);
        for (UsernameToken wrong : new UsernameToken[] {token("scjg", "wrong"), token("zf", "right")}) {
            WSSecurityException e =
                    assertThrows(WSSecurityException.class, () -> validator.verifyPlaintextPassword(wrong, null));
            assertThat(e.getErrorCode()).isEqualTo(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
        }
    }

    @Test
    void aDigestIsNeverAccepted() throws Exception {
        assertThrows(WSSecurityException.class, () -> validator.verifyDigestPassword(token("scjg", "right"), null));
    }
}
