package io.huiju.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class ViewerRestrictorTest {

    @Test
    void aViewerMayCallWhatOnlyReports() {
        Subject viewer = subject("viewer");

        assertThat(ViewerRestrictor.mayInvoke(viewer, "dumpRouteStatsAsXml(boolean,boolean)"))
                .isTrue();
        assertThat(ViewerRestrictor.mayInvoke(viewer, "listQueues(java.lang.String,int,int)"))
                .isTrue();
        assertThat(ViewerRestrictor.mayInvoke(viewer, "browse()")).isTrue();
        assertThat(ViewerRestrictor.mayInvoke(viewer, "countMessages()")).isTrue();
        assertThat(ViewerRestrictor.mayInvoke(viewer, "getState()")).isTrue();
        assertThat(ViewerRestrictor.mayInvoke(viewer, "canInvoke")).isTrue();
    }

    @Test
    void aViewerMayNotChangeState() {
        Subject viewer = subject("viewer");

        for (String operation : new String[] {
            "dumpHeap(java.lang.String,boolean)",
            "stop()",
            "start()",
            "suspend()",
            "resume()",
            "remove()",
            "reset(boolean)",
            "updateRouteFromXml(java.lang.String)",
            "removeAllMessages()",
            "retryMessages()",
            "purge",
            "setTracing(boolean)",
            "isolate()",
            "getaway()"
        }) {
            assertThat(ViewerRestrictor.mayInvoke(viewer, operation))
                    .as(operation)
                    .isFalse();
        }
        assertThat(ViewerRestrictor.mayInvoke(null, "stop()")).as("no login").isFalse();
    }

    @Test
    void operatorsAndAdminsMayDoEverything() {
        assertThat(ViewerRestrictor.mayInvoke(subject("operator"), "stop()")).isTrue();
        assertThat(ViewerRestrictor.mayInvoke(subject("admin"), "removeAllMessages()"))
                .isTrue();
        assertThat(ViewerRestrictor.mayInvoke(subject("viewer", "operator"), "suspend()"))
                .isTrue();
    }

    private static Subject subject(String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("someone"));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        return subject;
    }

    @Test
    void rolesAreTheThreeNamesOfTheConfiguration() {
        assertThat(Set.copyOf(OperatorRole.NAMES)).containsExactlyInAnyOrder("viewer", "operator", "admin");
    }
}
