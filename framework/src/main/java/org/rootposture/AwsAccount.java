package org.rootposture;

import java.time.Clock;
import java.util.Optional;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.internal.targets.Target;

import software.amazon.awssdk.core.SdkClient;

/**
 * One target account, injected into {@link ForEachAccount} tests: its identity, its evidence (read lazily, once per
 * run) and its AWS SDK clients (built once, closed at the end of the run).
 *
 * <pre>
 * &#64;ForEachAccount
 * void rootIsLockedDown(AwsAccount account) {
 *     assertThat(account.root()).hasNoAccessKeys().hasHardwareMfa();
 *     IamClient iam = account.client(IamClient.class);   // for checks of your own
 * }
 * </pre>
 */
public final class AwsAccount {

    private final Target target;
    private final String region;
    private final AwsClients clients;
    private final AccountEvidence evidence;
    private final EvaluationContext context;
    private final Clock clock;

    /** @param context the run's settings for decisions; its instant is replaced by the clock's at every {@link #context()} */
    AwsAccount(Target target, String region, AwsClients clients, AccountEvidence evidence, EvaluationContext context, Clock clock) {
        this.target = target;
        this.region = region;
        this.clients = clients;
        this.evidence = evidence;
        this.context = context;
        this.clock = clock;
    }

    /** The 12-digit account id. */
    public String id() {
        return target.accountId();
    }

    /** The account's name in the organization, or its alias, where known. */
    public Optional<String> name() {
        return target.name();
    }

    /** {@code aws}, {@code aws-us-gov} or {@code aws-cn}. */
    public String partition() {
        return evidence.identity().partition();
    }

    /** The region API calls go to. */
    public String region() {
        return region;
    }

    /** {@code 123456789012 · prod-payments}. */
    public String displayName() {
        return target.displayName();
    }

    /** The account's root user, for {@code assertThat(account.root())}. */
    public RootUser root() {
        return new RootUser(this);
    }

    /** The organization guardrails that apply to this account, for {@code assertThat(account.guardrails())}. */
    public Guardrails guardrails() {
        return new Guardrails(this);
    }

    /** The organization this account belongs to, for {@code assertThat(account.organization())}. */
    public AwsOrganization organization() {
        return new AwsOrganization(this);
    }

    /** CloudTrail as this account uses it to watch its root user, for {@code assertThat(account.cloudTrail())}. */
    public CloudTrail cloudTrail() {
        return new CloudTrail(this);
    }

    /** AWS Config in this account, for {@code assertThat(account.config())}. */
    public AwsConfig config() {
        return new AwsConfig(this);
    }

    /** GuardDuty in this account, with the EventBridge rules that pass its findings on, for {@code assertThat(account.guardDuty())}. */
    public GuardDuty guardDuty() {
        return new GuardDuty(this);
    }

    /** The evidence about this account, each record read at most once per run. */
    public AccountEvidence evidence() {
        return evidence;
    }

    /** The SDK client of the given type for this account, e.g. {@code client(IamClient.class)}. */
    public <C extends SdkClient> C client(Class<C> type) {
        return clients.client(type);
    }

    /**
     * The context controls are judged in: now, and the run's settings for decisions (usage window, wait for settling
     * evidence, mail domains, the day root access was revoked).
     */
    public EvaluationContext context() {
        return context.at(clock.instant());
    }

    @Override
    public String toString() {
        return displayName();
    }
}
