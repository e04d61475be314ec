package io.huiju.hub.ops;

import io.hawt.system.security.LegacySubjectAccess;
import io.hawt.system.security.ModernSubjectAccess;
import io.hawt.system.security.SubjectAccess;
import java.util.List;
import java.util.Set;
import javax.management.ObjectName;
import javax.security.auth.Subject;
import org.jolokia.server.core.restrictor.AllowAllRestrictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Jolokia's access check, on the server: a viewer may read every attribute and call the operations that only report
 * (dump…, list…, browse…, count…, get…), but no operation that changes state and no attribute write. Hidden buttons
 * would not be enough, since Jolokia answers any HTTP client with the session cookie.
 *
 * <p>Jolokia's Spring Boot endpoint installs every {@code Restrictor} bean; Hawtio's authentication filter runs each
 * Jolokia request as the logged-in JAAS subject, which is where the roles are read from. Read-only operations are
 * listed by name rather than the changing ones, so an operation added by a later Camel or Artemis version is refused
 * to viewers until someone decides otherwise.
 */
@Component
class ViewerRestrictor extends AllowAllRestrictor {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerRestrictor.class);

    /** Name prefixes of operations that report and change nothing (Camel, Artemis, the JVM, Hawtio). */
    static final List<String> READ_ONLY_PREFIXES =
            List.of("dump", "list", "browse", "count", "get", "is", "canInvoke", "createRouteStaticEndpointJson");

    /** Named like a report, but not one: dumpHeap writes the heap (with any secret in it) to a file on the server. */
    static final Set<String> NOT_READ_ONLY = Set.of("dumpHeap");

    private static final SubjectAccess SUBJECTS = subjectAccess();

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        if (mayInvoke(currentSubject(), operation)) {
            return true;
        }
        LOG.warn("Refused to a viewer: operation {} on {}", operation, name);
        return false;
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        if (OperatorRole.mayChangeState(currentSubject())) {
            return true;
        }
        LOG.warn("Refused to a viewer: writing {} of {}", attribute, name);
        return false;
    }

    /** The one rule, also answered to Hawtio's console (ViewerJmxSecurity) so that it greys out what would fail. */
    static boolean mayInvoke(Subject subject, String operation) {
        return OperatorRole.mayChangeState(subject) || readOnly(operation);
    }

    static boolean readOnly(String operation) {
        int paren = operation.indexOf('(');
        String name = (paren < 0 ? operation : operation.substring(0, paren)).trim();
        return !NOT_READ_ONLY.contains(name)
                && READ_ONLY_PREFIXES.stream().anyMatch(prefix -> startsWithWord(name, prefix));
    }

    /** "getRouteId" and "get" match "get"; "getaway" does not, nor does "isolate" match "is". */
    private static boolean startsWithWord(String name, String prefix) {
        return name.startsWith(prefix)
                && (name.length() == prefix.length() || !Character.isLowerCase(name.charAt(prefix.length())));
    }

    /** The subject of the request being served (run as that subject by Hawtio's authentication filter). */
    static Subject currentSubject() {
        return SUBJECTS.currentSubject();
    }

    /** As Hawtio's own filter chooses: Subject.current() from Java 18, the access-control context before. */
    private static SubjectAccess subjectAccess() {
        return Runtime.version().feature() >= 18 ? new ModernSubjectAccess() : new LegacySubjectAccess();
    }
}
