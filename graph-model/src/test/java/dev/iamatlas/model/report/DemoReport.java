package dev.iamatlas.model.report;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The report of the bundled demo account, built once for the tests of this package. */
final class DemoReport {
    /** The nine rules docs/demo-account.md says the demo must trigger. */
    static final List<String> DEMO_RULES = List.of(RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING,
            RuleCatalogue.APIGW_CREDENTIALS_ROLE_BROKEN, RuleCatalogue.LAMBDA_PERMISSION_NO_SOURCE,
            RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD, RuleCatalogue.LAMBDA_PUBLIC_INVOKE,
            RuleCatalogue.LAMBDA_CROSS_ACCOUNT_INVOKE, RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE,
            RuleCatalogue.ROLE_TRUST_TOO_BROAD, RuleCatalogue.UNUSED_LAMBDA_PERMISSION);

    static final AccountSnapshot SNAPSHOT = load();
    static final AnalysisReport REPORT = build();
    static final ReportOptions OPTIONS = ReportOptions.DEFAULT.withArtifact("snapshots/demo-account.json",
            SnapshotLines.of(SnapshotJson.toJson(SNAPSHOT)));

    private DemoReport() {
    }

    static AnalysisReport build() {
        try (AnalysisSession session = AnalysisSession.open(SNAPSHOT, 2)) {
            return AnalysisReport.of(session, "demo", "9.9.9");
        }
    }

    static String write(ReportFormat format) {
        return ReportWriters.toString(REPORT, format, OPTIONS);
    }

    private static AccountSnapshot load() {
        try {
            return SnapshotSource.demo();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
